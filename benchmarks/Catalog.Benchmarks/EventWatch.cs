using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using NATS.Client.Core;

namespace Shop.Catalog.Benchmarks;

/// <summary>
/// A core NATS subscription on `msg.>` (JetStream delivers stream messages to plain subscribers too) that keeps
/// each event's data and the moment it was seen, keyed by a field of its data.
/// </summary>
internal sealed class EventWatch : IAsyncDisposable
{
    private readonly NatsConnection connection;
    private readonly INatsSub<byte[]> subscription;
    private readonly ConcurrentDictionary<(string Subject, string Key), (JsonElement Data, long Timestamp)> seen = new();
    private readonly Task reading;

    private EventWatch(NatsConnection connection, INatsSub<byte[]> subscription)
    {
        this.connection = connection;
        this.subscription = subscription;
        reading = ReadAsync();
    }

    public static async Task<EventWatch> StartAsync(string natsUrl)
    {
        var connection = new NatsConnection(new NatsOpts { Url = natsUrl, Name = "catalog-benchmark", SubPendingChannelCapacity = 1 << 20 });
        await connection.ConnectAsync();
        return new EventWatch(connection, await connection.SubscribeCoreAsync<byte[]>("msg.>"));
    }

    /// <summary>The data and <see cref="Stopwatch.GetTimestamp"/> of the event on <paramref name="subject"/> whose key field is <paramref name="key"/>, waiting for it.</summary>
    public async Task<(JsonElement Data, long Timestamp)> WaitAsync(string subject, string key, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (seen.TryGetValue((subject, key), out var found))
            {
                return found;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"No {subject} for {key} within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>When an event already seen was seen.</summary>
    public long Seen(string subject, string key) => seen[(subject, key)].Timestamp;

    public async ValueTask DisposeAsync()
    {
        await subscription.DisposeAsync();
        await reading;
        await connection.DisposeAsync();
    }

    private async Task ReadAsync()
    {
        await foreach (var message in subscription.Msgs.ReadAllAsync())
        {
            var timestamp = Stopwatch.GetTimestamp();
            var data = JsonDocument.Parse(message.Data!).RootElement.GetProperty("data").Clone();
            var key = data.TryGetProperty("orderId", out var orderId) ? orderId.GetString()
                : data.TryGetProperty("email", out var email) ? email.GetString()
                : null;
            if (key is not null)
            {
                seen[(message.Subject, key)] = (data, timestamp);
            }
        }
    }
}
