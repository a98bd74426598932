using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Shop.Notifications.Infrastructure.Mail;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Notifications.Tests;

/// <summary>`ConnectionStrings__mail` and its `Security` key.</summary>
public sealed class MailConnectionTests
{
    [Theory]
    [InlineData("Endpoint=smtp://mail:1025", SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData("Endpoint=smtp://mail:1025;Security=StartTls", SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData("Endpoint=smtp://mail:587;Username=u;Password=p;Security=required", SecureSocketOptions.StartTls)]
    [InlineData("Endpoint=smtp://mail:1025;Security=None", SecureSocketOptions.None)]
    public void Security_defaults_to_STARTTLS_when_offered_and_can_require_or_refuse_it(string value, SecureSocketOptions expected) =>
        Assert.Equal(expected, Parse(value).Security);

    [Fact]
    public void An_unknown_security_value_names_the_key_and_the_choices()
    {
        var exception = Assert.Throws<ConnectionStringException>(() => Parse("Endpoint=smtp://mail:1025;Security=Tls13"));

        Assert.Contains("ConnectionStrings__mail", exception.Message, StringComparison.Ordinal);
        Assert.Contains("StartTls, Required or None", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_password_never_shows_in_its_text() =>
        Assert.DoesNotContain("secret", Parse("Endpoint=smtp://mail:587;Username=u;Password=secret").ToString(), StringComparison.Ordinal);

    private static MailConnection Parse(string value) =>
        MailConnection.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:mail"] = value })
            .Build());
}
