using System.Collections.Concurrent;
using System.Text.Json;
using Shop.Messaging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Shop.Catalog.Tests.Support;

/// <summary>
/// Every event on `msg.>` since the stack started, read by an ephemeral, unacknowledged consumer of the tests' own, plus a way to publish
/// events as a service would (CloudEvents envelope, Nats-Msg-Id).
/// </summary>
public sealed class EventLog : IAsyncDisposable
{
    private readonly NatsConnection connection;
    private readonly NatsJSContext jetStream;
    private readonly ConcurrentQueue<CloudEvent> received = new();
    private readonly CancellationTokenSource stop = new();
    private Task reading = Task.CompletedTask;

    private EventLog(NatsConnection connection)
    {
        this.connection = connection;
        jetStream = new NatsJSContext(connection);
    }

    public static async Task<EventLog> StartAsync(string natsConnectionString)
    {
        var connection = new NatsConnection(new NatsOpts { Url = natsConnectionString, Name = "catalog-tests" });
        await connection.ConnectAsync();
        var log = new EventLog(connection);
        var consumer = await log.jetStream.CreateOrUpdateConsumerAsync(EventSubjects.Stream, new ConsumerConfig
        {
            FilterSubject = "msg.>",
            AckPolicy = ConsumerConfigAckPolicy.None,
            DeliverPolicy = ConsumerConfigDeliverPolicy.All,
        });
        log.reading = log.ReadAsync(consumer);
        return log;
    }

    /// <summary>The events named <paramref name="eventName"/> whose data satisfies <paramref name="match"/>, seen so far.</summary>
    public IReadOnlyList<CloudEvent> Find(string eventName, Func<JsonElement, bool> match) =>
        received.Where(@event => @event.EventName == eventName && match(@event.Data)).ToList();

    /// <summary>Waits until at least <paramref name="count"/> such events arrived, and returns them.</summary>
    public Task<IReadOnlyList<CloudEvent>> WaitForAsync(string eventName, Func<JsonElement, bool> match, int count = 1, TimeSpan? timeout = null) =>
        Testing.Eventually.GetAsync(
            () => Task.FromResult(Find(eventName, match)),
            events => events.Count >= count,
            timeout ?? TimeSpan.FromSeconds(30),
            $"{count} {eventName} event(s)");

    /// <summary>
    /// Waits until each durable consumer named has handled and acknowledged every message on its subject that the
    /// stream holds now (nothing pending, nothing awaiting an ack).
    /// </summary>
    public async Task WaitUntilHandledAsync(params string[] durableNames)
    {
        foreach (var name in durableNames)
        {
            await Testing.Eventually.GetAsync(
                async () => (await jetStream.GetConsumerAsync(EventSubjects.Stream, name)).Info,
                info => info.NumPending == 0 && info.NumAckPending == 0,
                TimeSpan.FromSeconds(30),
                $"consumer {name} catching up");
        }
    }

    /// <summary>Events whose data names this order.</summary>
    public static Func<JsonElement, bool> ForOrder(Guid orderId) =>
        data => data.TryGetProperty("orderId", out var id) && id.GetGuid() == orderId;

    /// <summary>Publishes as <paramref name="source"/> would; <paramref name="copy"/> distinguishes deliberate duplicates of one event id.</summary>
    public async Task PublishAsync(CloudEvent envelope, string copy = "")
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope);
        var ack = await jetStream.PublishAsync(envelope.Subject, body, opts: new NatsJSPubOpts { MsgId = envelope.Id + copy });
        ack.EnsureSuccess();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await reading;
        }
        catch (OperationCanceledException)
        {
        }

        await connection.DisposeAsync();
        stop.Dispose();
    }

    private async Task ReadAsync(INatsJSConsumer consumer)
    {
        await foreach (var message in consumer.ConsumeAsync<byte[]>(cancellationToken: stop.Token))
        {
            try
            {
                received.Enqueue(CloudEvent.Parse(message.Data, message.Subject));
            }
            catch (MalformedEventException)
            {
                // Not a Shop event (a test may publish garbage on purpose); nothing to record.
            }
        }
    }
}
