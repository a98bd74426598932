using System.Net;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Shop.DevStack;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.Infrastructure.Mail;
using Shop.Testing;

namespace Shop.Notifications.Tests;

/// <summary>
/// SMTP sessions against two real maildevs: one that requires a login, one that offers no AUTH at all (neither offers
/// STARTTLS). Configured credentials are always used; a server that cannot check them, or cannot give the TLS the
/// connection string requires, gets no mail, and readiness says so.
/// </summary>
public sealed class SmtpLoginTests(SmtpLoginTests.MailSinks sinks) : IClassFixture<SmtpLoginTests.MailSinks>
{
    [Fact]
    public async Task The_configured_login_signs_in_the_mail_arrives_and_readiness_is_healthy()
    {
        var mail = NewMail("login");
        var connection = Connection(sinks.WithLogin, sinks.Password);

        await using (var transport = Transport(connection))
        {
            await transport.SendAsync(mail, CancellationToken.None);
        }

        Assert.Single(await sinks.WithLoginClient.WaitForAsync(mail.Recipient));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(connection)).Status);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_left_for_a_retry_and_fails_readiness()
    {
        var wrong = Connection(sinks.WithLogin, "not-the-password");

        await using var transport = Transport(wrong);
        var exception = await Assert.ThrowsAsync<AuthenticationException>(() => transport.SendAsync(NewMail("wrong-password"), CancellationToken.None));

        Assert.False(SmtpFailure.IsPermanent(exception));
        Assert.True(SmtpFailure.IsConfiguration(exception));
        Assert.DoesNotContain("not-the-password", SmtpFailure.Describe(exception), StringComparison.Ordinal);
        var health = await CheckAsync(wrong);
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Contains("AUTH refused", health.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", health.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_configured_for_a_server_without_AUTH_is_a_configuration_error_sends_nothing_and_fails_readiness()
    {
        var mail = NewMail("no-auth");
        var password = Guid.NewGuid().ToString("N");
        var connection = Connection(sinks.WithoutLogin, password);

        await using var transport = Transport(connection);
        var exception = await Assert.ThrowsAsync<SmtpConfigurationException>(() => transport.SendAsync(mail, CancellationToken.None));

        Assert.False(SmtpFailure.IsPermanent(exception));
        Assert.Contains("does not offer AUTH", SmtpFailure.Describe(exception), StringComparison.Ordinal);
        Assert.DoesNotContain(password, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await sinks.WithoutLoginClient.ListAsync(), received => received.IsTo(mail.Recipient));
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(connection)).Status);
    }

    [Fact]
    public async Task Required_TLS_against_a_server_without_STARTTLS_sends_nothing_and_fails_readiness_naming_the_setting()
    {
        var mail = NewMail("tls-required");
        var connection = $"Endpoint=smtp://127.0.0.1:{sinks.WithoutLogin.Port};Security=Required";

        await using var transport = Transport(connection);
        var exception = await Assert.ThrowsAsync<SmtpConfigurationException>(() => transport.SendAsync(mail, CancellationToken.None));

        Assert.Contains("Security=Required", exception.Message, StringComparison.Ordinal);
        var health = await CheckAsync(connection);
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Contains("STARTTLS", health.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(await sinks.WithoutLoginClient.ListAsync(), received => received.IsTo(mail.Recipient));
    }

    [Fact]
    public async Task One_sender_keeps_one_connection_for_many_mails_and_reconnects_after_it_is_cut()
    {
        await using var relay = new SmtpRelay(() => sinks.WithoutLogin.Port);
        await using var transport = Transport($"Endpoint=smtp://127.0.0.1:{relay.Port}");
        var mails = Enumerable.Range(0, 5).Select(_ => NewMail("kept")).ToList();

        foreach (var mail in mails)
        {
            await transport.SendAsync(mail, CancellationToken.None);
        }

        Assert.Equal(1, relay.Connections);
        relay.DropConnections();
        var afterCut = NewMail("after-cut");
        // The cut is noticed by the next send, which fails (the sender retries that mail later) and drops the connection.
        await Assert.ThrowsAnyAsync<Exception>(() => transport.SendAsync(afterCut, CancellationToken.None));
        await transport.SendAsync(afterCut, CancellationToken.None);

        Assert.Equal(2, relay.Connections);
        foreach (var mail in mails.Append(afterCut))
        {
            Assert.Single(await sinks.WithoutLoginClient.WaitForAsync(mail.Recipient));
        }
    }

    private static string Connection(MailSink sink, string password) =>
        $"Endpoint=smtp://127.0.0.1:{sink.Port};Username={MailSinks.User};Password={password}";

    /// <summary>Parsed as the service parses ConnectionStrings__mail.</summary>
    private static SmtpConnector Connector(string connectionString) =>
        new(MailConnection.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:mail"] = connectionString })
            .Build()));

    private static SmtpMailTransport Transport(string connectionString) =>
        new(Connector(connectionString), new MailMessageFactory(Options.Create(new NotificationOptions())));

    private static Task<HealthCheckResult> CheckAsync(string connectionString) =>
        new SmtpHealthCheck(Connector(connectionString)).CheckHealthAsync(new HealthCheckContext());

    private static ClaimedMail NewMail(string test) =>
        new(Guid.NewGuid(), NotificationsFixture.NewAddress(test), "Sign-in check", "Plain text.", "<p>HTML.</p>", Attempts: 1, Interrupted: false, Expired: false);

    /// <summary>Two maildevs on free ports in a private state folder; the first requires a login.</summary>
    public sealed class MailSinks : IAsyncLifetime
    {
        public const string User = "shop-notifications";

        public MailSinks()
        {
            var paths = new StackPaths(TestStacks.NewStateDirectory());
            WithLogin = new MailSink(Ports.GetFree(), Ports.GetFree(), paths, TestStacks.RepositoryRoot, "mail-login", new NetworkCredential(User, Password));
            WithoutLogin = new MailSink(Ports.GetFree(), Ports.GetFree(), paths, TestStacks.RepositoryRoot, "mail-open");
            WithLoginClient = new MailSinkClient(new Uri(WithLogin.WebUrl));
            WithoutLoginClient = new MailSinkClient(new Uri(WithoutLogin.WebUrl));
        }

        public string Password { get; } = Guid.NewGuid().ToString("N");

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
