using Shop.DevStack;
using Shop.Nats;

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

    /// <summary>Every message on <paramref name="filter"/> in <paramref name="stream"/>, waiting until at least <paramref name="atLeast"/> arrived.</summary>
    public async Task<List<NatsJSMsg>> ReadAsync(string stream, string filter, int atLeast, TimeSpan? timeout = null)
    {
        var consumer = await JetStream.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig($"probe-{Guid.NewGuid():N}") { FilterSubject = filter });
        var messages = new List<NatsJSMsg>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var next = await consumer.NextAsync(TimeSpan.FromMilliseconds(500));
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

        return messages;
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
