using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Shop.DevStack;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.Infrastructure.Mail;
using Shop.ServiceDefaults.Configuration;
using Shop.Testing;

namespace Shop.Notifications.Tests;

/// <summary>
/// SMTP sign-in against two real maildevs: one that requires a login, one that offers no AUTH at all. Configured
/// credentials are always used; a server that cannot check them gets no mail, and the failure is one to retry.
/// </summary>
public sealed class SmtpLoginTests(SmtpLoginTests.MailSinks sinks) : IClassFixture<SmtpLoginTests.MailSinks>
{
    [Fact]
    public async Task The_configured_login_signs_in_and_the_mail_arrives()
    {
        var mail = NewMail("login");

        await Transport(sinks.WithLogin.ConnectionString).SendAsync(mail, CancellationToken.None);

        Assert.Single(await sinks.WithLoginClient.WaitForAsync(mail.Recipient));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_left_for_a_retry()
    {
        var mail = NewMail("wrong-password");
        var wrong = Connection(sinks.WithLogin, "not-the-password");

        var exception = await Assert.ThrowsAsync<SmtpReplyException>(() => Transport(wrong).SendAsync(mail, CancellationToken.None));

        Assert.Equal(535, exception.Code);
        Assert.False(SmtpFailure.IsPermanent(exception));
        Assert.DoesNotContain("not-the-password", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_configured_for_a_server_without_AUTH_is_a_configuration_error_and_sends_nothing()
    {
        var mail = NewMail("no-auth");
        var password = Guid.NewGuid().ToString("N");

        var exception = await Assert.ThrowsAsync<SmtpConfigurationException>(
            () => Transport(Connection(sinks.WithoutLogin, password)).SendAsync(mail, CancellationToken.None));

        Assert.False(SmtpFailure.IsPermanent(exception));
        Assert.Contains("does not offer AUTH", SmtpFailure.Describe(exception), StringComparison.Ordinal);
        Assert.DoesNotContain(password, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await sinks.WithoutLoginClient.ListAsync(), received => received.IsTo(mail.Recipient));
    }

    private static string Connection(MailSink sink, string password) =>
        $"Endpoint=smtp://127.0.0.1:{sink.Port};Username={MailSinks.User};Password={password}";

    /// <summary>Parsed as the service parses ConnectionStrings__mail (contract.md section 2).</summary>
    private static SmtpMailTransport Transport(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:mail"] = connectionString })
            .Build();
        return new SmtpMailTransport(configuration.GetMailConnection(), Options.Create(new NotificationOptions()));
    }

    private static ClaimedMail NewMail(string test) =>
        new(Guid.NewGuid(), NotificationsFixture.NewAddress(test), "Sign-in check", "Plain text.", "<p>HTML.</p>", Attempts: 1, Interrupted: false, Expired: false);

    /// <summary>Two maildevs on free ports in a private state folder; the first requires a login.</summary>
    public sealed class MailSinks : IAsyncLifetime
    {
        public const string User = "shop-notifications";

        public MailSinks()
        {
            var paths = new StackPaths(TestStacks.NewStateDirectory());
            WithLogin = new MailSink(Ports.GetFree(), Ports.GetFree(), paths, TestStacks.RepositoryRoot, "mail-login", new NetworkCredential(User, Guid.NewGuid().ToString("N")));
            WithoutLogin = new MailSink(Ports.GetFree(), Ports.GetFree(), paths, TestStacks.RepositoryRoot, "mail-open");
            WithLoginClient = new MailSinkClient(new Uri(WithLogin.WebUrl));
            WithoutLoginClient = new MailSinkClient(new Uri(WithoutLogin.WebUrl));
        }

        public MailSink WithLogin { get; }

        public MailSink WithoutLogin { get; }

        public MailSinkClient WithLoginClient { get; }

        public MailSinkClient WithoutLoginClient { get; }

        public Task InitializeAsync() => Task.WhenAll(WithLogin.StartAsync(), WithoutLogin.StartAsync());

        public async Task DisposeAsync()
        {
            WithLoginClient.Dispose();
            WithoutLoginClient.Dispose();
            await Task.WhenAll(WithLogin.StopAsync(), WithoutLogin.StopAsync());
        }
    }
}
