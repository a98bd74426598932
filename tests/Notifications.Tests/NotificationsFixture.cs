using System.Text;
using Dapper;
using Npgsql;
using Shop.DevStack;
using Shop.Messaging;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Shop.Testing;

namespace Shop.Notifications.Tests;

/// <summary>
/// One stack with two notifications replicas (the second started here, so the other services run once), mail going
/// through an <see cref="SmtpRelay"/> to maildev, and short delays so reminders, leases and retries fit in a test.
/// </summary>
public sealed class NotificationsFixture : StackFixture, IAsyncLifetime
{
    public const string CartReminderDelay = "00:00:03";

    private ServiceInstance? secondReplica;

    public NotificationsFixture() => Relay = new SmtpRelay(() => Stack.Mail.Port);

    public SmtpRelay Relay { get; }

    public EventPublisher Events { get; private set; } = null!;

    public IReadOnlyList<ServiceInstance> NotificationReplicas => [Stack.Service(ShopProject.Notifications), secondReplica!];

    protected override IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["ConnectionStrings__mail"] = $"Endpoint=smtp://127.0.0.1:{Relay.Port}",
        ["Notifications__CartReminderDelay"] = CartReminderDelay,
        ["Notifications__SendLease"] = "00:00:10",
        ["Notifications__MaxRetryDelay"] = "00:00:02",
        ["Messaging__AckWait"] = "00:00:05",
    };

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var stack = Stack;
        secondReplica = stack.AdditionalReplica(ShopProject.Notifications, 1);
        await secondReplica.StartAsync();
        Events = new EventPublisher(stack.Nats.ConnectionString);
    }

    public new async Task DisposeAsync()
    {
        if (Events is not null)
        {
            await Events.DisposeAsync();
        }

        if (secondReplica is not null)
        {
            await secondReplica.StopAsync();
        }

        await base.DisposeAsync();
        await Relay.DisposeAsync();
    }

    /// <summary>A fresh address per test, so counts in the shared maildev are never mixed up.</summary>
    public static string NewAddress(string test) => $"{test}-{NewRun()}@example.test";

    /// <summary>A short random token that marks the mails of one test run.</summary>
    public static string NewRun() => Guid.NewGuid().ToString("N")[..12];

    public NpgsqlConnection OpenDatabase() => new(Stack.Postgres.ConnectionString("notificationsdb"));

    /// <summary>How many mails to recipients LIKE <paramref name="recipientLike"/> are in each status.</summary>
    public async Task<MailStatuses> StatusesAsync(string recipientLike)
    {
        await using var connection = OpenDatabase();
        var rows = await connection.QueryAsync<(string Status, int Count)>(
            "SELECT status, count(*)::int FROM mails WHERE recipient LIKE @recipientLike GROUP BY status",
            new { recipientLike });
        return new MailStatuses(rows.ToDictionary(row => row.Status, row => row.Count));
    }

    /// <summary>The dead letter carrying the event <paramref name="eventId"/>, or null.</summary>
    public async Task<INatsJSMsg<byte[]>?> FindDeadLetterAsync(Guid eventId)
    {
        var jetStream = Events.JetStream;
        var consumer = await jetStream.CreateOrUpdateConsumerAsync(EventSubjects.DeadLetterStream, new ConsumerConfig
        {
            AckPolicy = ConsumerConfigAckPolicy.None,
            DeliverPolicy = ConsumerConfigDeliverPolicy.All,
        });
        try
        {
            await foreach (var message in consumer.FetchNoWaitAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 10_000 }))
            {
                if (message.Data is { } data && Encoding.UTF8.GetString(data).Contains(eventId.ToString(), StringComparison.Ordinal))
                {
                    return message;
                }
            }

            return null;
        }
        finally
        {
            await jetStream.DeleteConsumerAsync(EventSubjects.DeadLetterStream, consumer.Info.Name);
        }
    }

    public async Task<IReadOnlyList<ReceivedMail>> MailsAsync(Func<ReceivedMail, bool> match) =>
        (await Mail.ListAsync()).Where(match).ToList();
}

/// <summary>Rows of `mails` per status (readable in a timeout message).</summary>
public sealed record MailStatuses(IReadOnlyDictionary<string, int> Counts)
{
    public int this[string status] => Counts.GetValueOrDefault(status);

    public override string ToString() => string.Join(", ", Counts.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}={pair.Value}"));
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFixture>
{
    public const string Name = "notifications";
}
