using System.Diagnostics;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Shop.Messaging.Benchmarks;

/// <summary>The reference: NATS.Net alone on a stream of its own, same server, same message size as the events.</summary>
public sealed class RawJetStream(NatsConnection connection, NatsJSContext jetStream) : IAsyncDisposable
{
    private const string Stream = "rawbench";
    private int run;

    public static async Task<RawJetStream> StartAsync(string url)
    {
        var connection = new NatsConnection(new NatsOpts { Url = url, Name = "messaging-benchmark" });
        await connection.ConnectAsync();
        var jetStream = new NatsJSContext(connection);
        await jetStream.CreateOrUpdateStreamAsync(new StreamConfig(Stream, ["rawbench.>"]) { Storage = StreamConfigStorage.File, DuplicateWindow = TimeSpan.FromMinutes(2) });
        return new RawJetStream(connection, jetStream);
    }

    /// <summary>Acked publishes per second, each with a Nats-Msg-Id, <paramref name="inFlight"/> awaiting their acks at a time.</summary>
    public async Task<double> PublishAsync(int count, int inFlight, byte[] payload)
    {
        var subject = $"rawbench.{++run}";
        var pending = new Queue<Task>();
        var started = Stopwatch.GetTimestamp();
        for (var index = 0; index < count; index++)
        {
            if (pending.Count == inFlight)
            {
                await pending.Dequeue();
            }

            pending.Enqueue(PublishOneAsync(subject, payload, $"{run}-{index}"));
        }

        await Task.WhenAll(pending);
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Messages per second through a durable pull consumer that acks each (what Shop's consumers do, minus the handler).</summary>
    public async Task<double> ConsumeAsync(int count)
    {
        var subject = $"rawbench.{run}";
        var consumer = await jetStream.CreateOrUpdateConsumerAsync(Stream, new ConsumerConfig($"rawbench-{run}") { FilterSubject = subject, AckPolicy = ConsumerConfigAckPolicy.Explicit });
        var received = 0;
        var started = Stopwatch.GetTimestamp();
        await foreach (var message in consumer.ConsumeAsync<byte[]>(opts: new NatsJSConsumeOpts { MaxMsgs = 64 }))
        {
            await message.AckAsync();
            if (++received == count)
            {
                break;
            }
        }

        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        await jetStream.DeleteStreamAsync(Stream);
        await connection.DisposeAsync();
    }

    private async Task PublishOneAsync(string subject, byte[] payload, string messageId)
    {
        var ack = await jetStream.PublishAsync(subject, payload, opts: new NatsJSPubOpts { MsgId = messageId });
        ack.EnsureSuccess();
    }
}
