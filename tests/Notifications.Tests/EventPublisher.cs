using System.Text.Json;
using Shop.Messaging;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Shop.Notifications.Tests;

/// <summary>Publishes events the way the services' outbox relays do: a CloudEvent on `msg.&lt;source&gt;.&lt;event&gt;` with Nats-Msg-Id = id.</summary>
public sealed class EventPublisher(string natsUrl) : IAsyncDisposable
{
    private readonly NatsConnection connection = new(new NatsOpts { Url = natsUrl, Name = "notifications-tests" });

    public NatsJSContext JetStream => new(connection);

    public async Task<CloudEvent> PublishAsync(string source, string eventName, object data, DateTimeOffset? time = null)
    {
        var envelope = CloudEvent.Create(source, eventName, data, time ?? DateTimeOffset.UtcNow);
        var ack = await JetStream.PublishAsync(envelope.Subject, JsonSerializer.SerializeToUtf8Bytes(envelope), opts: new NatsJSPubOpts { MsgId = envelope.Id.ToString() });
        ack.EnsureSuccess();
        return envelope;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
