using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Shop.DevStack;

namespace Shop.Messaging.Tests;

/// <summary>Reads what really is in a JetStream stream, through a consumer of its own.</summary>
public sealed class StreamProbe : IAsyncDisposable
{
    private readonly NatsConnection connection;

    private StreamProbe(NatsConnection connection)
    {
        this.connection = connection;
        JetStream = new NatsJSContext(connection);
    }

    public NatsJSContext JetStream { get; }

    public static async Task<StreamProbe> ConnectAsync(LocalStack stack)
    {
        var connection = new NatsConnection(new NatsOpts { Url = stack.Nats.ConnectionString, Name = "stream-probe" });
        await connection.ConnectAsync();
        return new StreamProbe(connection);
    }

    /// <summary>Publishes raw bytes as a producer would, and fails if the stream did not store them.</summary>
    public async Task PublishAsync(string subject, byte[] body, string? messageId = null)
    {
        var ack = await JetStream.PublishAsync(subject, body, opts: new NatsJSPubOpts { MsgId = messageId });
        ack.EnsureSuccess();
    }

    /// <summary>Every message on <paramref name="filter"/> in <paramref name="stream"/>, waiting until at least <paramref name="atLeast"/> arrived.</summary>
    public async Task<List<INatsJSMsg<byte[]>>> ReadAsync(string stream, string filter, int atLeast, TimeSpan? timeout = null)
    {
        var consumer = await JetStream.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig($"probe-{Guid.NewGuid():N}") { FilterSubject = filter });
        var messages = new List<INatsJSMsg<byte[]>>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var next = await consumer.NextAsync<byte[]>(opts: new NatsJSNextOpts { Expires = TimeSpan.FromSeconds(1) });
            if (next is { } message)
            {
                messages.Add(message);
                await message.AckAsync();
            }
            else if (messages.Count >= atLeast)
            {
                break;
            }
        }

        await JetStream.DeleteConsumerAsync(stream, consumer.Info.Name);
        return messages;
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
