namespace Shop.Nats.Benchmarks;

/// <summary>The four workloads, their sizes and rounds; the node script reads the same environment variables.</summary>
internal sealed record Workloads(int CorePublish, int RequestReply, int JsPublish, int PullConsume, int Rounds)
{
    public const int PayloadSize = 128;
    public const int PublishWarmup = 100_000;
    public const int RequestWarmup = 1000;
    public const int PublishWindow = 256;
    public const int PullBatch = 1000;

    /// <summary>The names both clients use for the workloads, in the order they run.</summary>
    public static readonly string[] Names = ["corePublish", "requestReply", "jsPublish", "pullConsume"];

    public static Workloads FromEnvironment() => new(
        Read("CORE_PUBLISH_COUNT", 1_000_000),
        Read("REQUEST_REPLY_COUNT", 10_000),
        Read("JS_PUBLISH_COUNT", 20_000),
        Read("PULL_CONSUME_COUNT", 100_000),
        Read("BENCH_ROUNDS", 3));

    /// <summary>The sizes as environment variables for the node process.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToEnvironment() =>
    [
        new("CORE_PUBLISH_COUNT", CorePublish.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("REQUEST_REPLY_COUNT", RequestReply.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("JS_PUBLISH_COUNT", JsPublish.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("PULL_CONSUME_COUNT", PullConsume.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}

/// <summary>Throughput, and the client process's CPU time per operation (which a busy machine distorts less).</summary>
internal readonly record struct Measurement(double PerSecond, double CpuMicrosecondsPerOp);

/// <summary>One client able to run a workload by name.</summary>
internal interface IClientBenchmark : IAsyncDisposable
{
    Task<Measurement> RunAsync(string workload);
}
