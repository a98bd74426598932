using Microsoft.Extensions.Configuration;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Foundation.Tests;

public sealed class ConnectionStringTests
{
    [Fact]
    public void Nats_url_keeps_user_and_password()
    {
        var info = Configuration(("nats", "nats://nats:p%40ss@host:4222")).GetNatsConnection();

        Assert.Equal(("nats:p%40ss", "host", 4222), (info.Url.UserInfo, info.Url.Host, info.Url.Port));
    }

    [Theory]
    [InlineData("http://host:4222")]
    [InlineData("host:4222")]
    public void Nats_connection_string_must_be_a_nats_url(string value) =>
        Assert.Contains("ConnectionStrings__nats", Assert.Throws<ConnectionStringException>(() => Configuration(("nats", value)).GetNatsConnection()).Message, StringComparison.Ordinal);

    [Fact]
    public void Storage_connection_string_is_parsed_and_hides_its_secret()
    {
        var info = Configuration(("storage", "Endpoint=http://minio:9000;AccessKey=user;SecretKey=hidden-value")).GetStorageConnection();

        Assert.Equal((new Uri("http://minio:9000"), "user", "hidden-value"), (info.Endpoint, info.AccessKey, info.SecretKey));
        Assert.DoesNotContain("hidden-value", info.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccessKey=a;SecretKey=s", "has no Endpoint=")]
    [InlineData("Endpoint=ftp://x:1;AccessKey=a;SecretKey=s", "which is not a http or https://host:port URL")]
    [InlineData("Endpoint=http://x:9000;AccessKey=a", "has no SecretKey=")]
    public void Bad_storage_connection_string_names_the_problem(string value, string message) =>
        Assert.Contains(message, Assert.Throws<ConnectionStringException>(() => Configuration(("storage", value)).GetStorageConnection()).Message, StringComparison.Ordinal);

    [Fact]
    public void Mail_connection_string_reads_endpoint_and_optional_credentials()
    {
        Assert.Equal(new MailConnectionInfo("mailpit", 1025, null, null), Configuration(("mail", "Endpoint=smtp://mailpit:1025")).GetMailConnection());
        Assert.Equal(new MailConnectionInfo("smtp.example", 587, "u", "p"), Configuration(("mail", "Endpoint=smtp://smtp.example:587;Username=u;Password=p")).GetMailConnection());
    }

    private static IConfiguration Configuration((string Name, string? Value) connectionString) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection([new($"ConnectionStrings:{connectionString.Name}", connectionString.Value)])
            .Build();
}
