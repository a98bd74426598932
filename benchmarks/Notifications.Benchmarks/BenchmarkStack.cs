using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Shop.DevStack;
using Shop.Messaging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Shop.Testing;

namespace Shop.Notifications.Benchmarks;

/// <summary>A private local stack (Release build) with a second notifications replica, and what the benchmarks drive it with.</summary>
internal sealed class BenchmarkStack : IAsyncDisposable
{
    private readonly LocalStack stack;
    private readonly NatsConnection nats;
    private ServiceInstance? secondReplica;

    private BenchmarkStack(LocalStack stack)
    {
        this.stack = stack;
        nats = new NatsConnection(new NatsOpts { Url = stack.Nats.ConnectionString, Name = "notifications-benchmarks" });
        Sink = new MailSinkClient(new Uri(stack.Mail.WebUrl));
        Gateway = new HttpClient { BaseAddress = new Uri(stack.Gateway.Url), Timeout = TimeSpan.FromSeconds(30) };
        Auth = new HttpClient { BaseAddress = new Uri(stack.Service(ShopProject.Auth).Url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public MailSinkClient Sink { get; }

    public HttpClient Gateway { get; }

    public HttpClient Auth { get; }

    public string SmtpHost => "127.0.0.1";

    public int SmtpPort => stack.Mail.Port;

    public ServiceInstance FirstReplica => stack.Service(ShopProject.Notifications);

    public static async Task<BenchmarkStack> StartAsync()
    {
        // Sign-in requests are rate limited per client and per e-mail; a benchmark is one busy client.
        var stack = TestStacks.Create(1, new Dictionary<string, string?>
        {
            ["RateLimits__AuthPerClientPerMinute"] = "1000000",
            ["RateLimits__CodesPerEmail"] = "1000000",
            ["Notifications__SendLease"] = "00:00:05",
            ["Messaging__AckWait"] = "00:00:05",
        });
        var benchmark = new BenchmarkStack(stack);
        await stack.StartAsync();
        return benchmark;
    }

    public async Task StartSecondReplicaAsync()
    {
        secondReplica ??= stack.AdditionalReplica(ShopProject.Notifications, 1);
        await secondReplica.StartAsync();
    }

    /// <summary>An event as the services' outbox relays publish it: CloudEvent, Nats-Msg-Id = id.</summary>
    public async Task PublishAsync(string source, string eventName, object data)
    {
        var envelope = CloudEvent.Create(source, eventName, data, DateTimeOffset.UtcNow);
        var ack = await new NatsJSContext(nats).PublishAsync(envelope.Subject, JsonSerializer.SerializeToUtf8Bytes(envelope), opts: new NatsJSPubOpts { MsgId = envelope.Id.ToString() });
        ack.EnsureSuccess();
    }

    /// <summary>Where `POST /auth/login` answers 202: the gateway, else the auth service itself, else nowhere yet (null).</summary>
    public async Task<HttpClient?> SignInClientAsync()
    {
        foreach (var client in new[] { Gateway, Auth })
        {
            using var response = await client.PostAsJsonAsync("/auth/login", new { email = $"probe-{Guid.NewGuid():N}@example.test" });
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return client;
            }
        }

        return null;
    }

    public async Task<int> CountSentAsync(string recipientLike)
    {
        await using var connection = new NpgsqlConnection(stack.Postgres.ConnectionString("notificationsdb"));
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM mails WHERE status = 'sent' AND recipient LIKE @recipientLike", new { recipientLike });
    }

    public async ValueTask DisposeAsync()
    {
        await nats.DisposeAsync();
        Gateway.Dispose();
        Auth.Dispose();
        Sink.Dispose();
        if (secondReplica is not null)
        {
            await secondReplica.StopAsync();
        }

        await stack.StopAsync();
        try
        {
            Directory.Delete(stack.Paths.Root, recursive: true);
        }
        catch (IOException)
        {
            // A log may still be open; the folder is under .shop/test, which ./shop test cleans.
        }
    }
}
