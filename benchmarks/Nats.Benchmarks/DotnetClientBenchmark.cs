using System.Diagnostics;

namespace Shop.Nats.Benchmarks;

/// <summary>Our client on the four workloads, on two connections kept open (and warm) between workloads.</summary>
internal sealed class DotnetClientBenchmark(Workloads sizes, NatsConnection connection, NatsConnection responder) : IClientBenchmark
{
    private static readonly byte[] Payload = Enumerable.Repeat((byte)'A', Workloads.PayloadSize).ToArray();

    private readonly NatsJSContext js = new(connection);

    public static async Task<DotnetClientBenchmark> StartAsync(string url, Workloads sizes)
    {
        var connection = new NatsConnection(new NatsOpts { Url = url, Name = "bench-dotnet" });
        var responder = new NatsConnection(new NatsOpts { Url = url, Name = "bench-dotnet-responder" });
        await connection.ConnectAsync();
        await responder.ConnectAsync();
        return new DotnetClientBenchmark(sizes, connection, responder);
    }

    public Task<Measurement> RunAsync(string workload) => workload switch
    {
        "corePublish" => CorePublishAsync(),
        "requestReply" => RequestReplyAsync(),
        "jsPublish" => JsPublishAsync(),
        "pullConsume" => PullConsumeAsync(),
        _ => throw new ArgumentException($"Unknown workload '{workload}'.", nameof(workload)),
    };

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        await responder.DisposeAsync();
    }

    private static Measurement Measure(int count, (long Wall, TimeSpan Cpu) started) => new(
        count / Stopwatch.GetElapsedTime(started.Wall).TotalSeconds,
        (CpuTime() - started.Cpu).TotalMicroseconds / count);

    private static (long Wall, TimeSpan Cpu) Start() => (Stopwatch.GetTimestamp(), CpuTime());

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Fire-and-forget publishes, then one PING/PONG so every message has reached the server.</summary>
    private async Task<Measurement> CorePublishAsync()
    {
        for (var i = 0; i < Workloads.PublishWarmup; i++)
        {
            await connection.PublishAsync("bench.net.core", Payload);
        }

        await connection.PingAsync();
        var started = Start();
        for (var i = 0; i < sizes.CorePublish; i++)
        {
            await connection.PublishAsync("bench.net.core", Payload);
        }

        await connection.PingAsync();
        return Measure(sizes.CorePublish, started);
    }

    /// <summary>One request at a time, answered by a second connection.</summary>
    private async Task<Measurement> RequestReplyAsync()
    {
        await using var sub = await responder.SubscribeCoreAsync("bench.net.rr");
        var serving = Task.Run(async () =>
        {
            await foreach (var request in sub.Msgs.ReadAllAsync())
            {
                await request.ReplyAsync(request.Data);
            }
        });

        for (var i = 0; i < Workloads.RequestWarmup; i++)
        {
            await connection.RequestAsync("bench.net.rr", Payload);
        }

        var started = Start();
        for (var i = 0; i < sizes.RequestReply; i++)
        {
            await connection.RequestAsync("bench.net.rr", Payload);
        }

        var result = Measure(sizes.RequestReply, started);
        await sub.UnsubscribeAsync();
        await serving;
        return result;
    }

    /// <summary>Acked publishes with up to 256 awaiting their ack.</summary>
    private async Task<Measurement> JsPublishAsync()
    {
        await js.CreateOrUpdateStreamAsync(new StreamConfig("BENCH_NET_PUB", ["bench.net.pub"]));
        var inFlight = new Queue<Task<PubAckResponse>>();
        var started = Start();
        for (var i = 0; i < sizes.JsPublish; i++)
        {
            inFlight.Enqueue(js.PublishAsync("bench.net.pub", Payload).AsTask());
            if (inFlight.Count >= Workloads.PublishWindow)
            {
                await inFlight.Dequeue();
            }
        }

        await Task.WhenAll(inFlight);
        var result = Measure(sizes.JsPublish, started);
        await js.DeleteStreamAsync("BENCH_NET_PUB");
        return result;
    }

    /// <summary>A preloaded stream drained by one consume loop that acks every message.</summary>
    private async Task<Measurement> PullConsumeAsync()
    {
        await js.CreateOrUpdateStreamAsync(new StreamConfig("BENCH_NET_PULL", ["bench.net.pull"]));
        for (var i = 0; i < sizes.PullConsume; i++)
        {
            await js.Connection.PublishAsync("bench.net.pull", Payload);
        }

        await js.Connection.PingAsync();
        while ((await js.GetStreamAsync("BENCH_NET_PULL")).State.Messages < (ulong)sizes.PullConsume)
        {
            await Task.Delay(50);
        }

        var consumer = await js.CreateOrUpdateConsumerAsync("BENCH_NET_PULL", new ConsumerConfig("bench"));
        var received = 0;
        var started = Start();
        await foreach (var msg in consumer.ConsumeAsync(new NatsJSConsumeOpts { MaxMsgs = Workloads.PullBatch }))
        {
            await msg.AckAsync();
            if (++received == sizes.PullConsume)
            {
                break;
            }
        }

        await js.Connection.PingAsync();
        var result = Measure(sizes.PullConsume, started);
        await js.DeleteStreamAsync("BENCH_NET_PULL");
        return result;
    }
}
