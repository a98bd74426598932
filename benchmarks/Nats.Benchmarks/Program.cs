using System.Globalization;
using Shop.DevStack;
using Shop.Nats.Benchmarks;

// One nats-server (via DevStack); our client and the official JavaScript client take turns on each workload for
// BENCH_ROUNDS rounds (alternating who goes first), and the medians are compared, so a machine whose load drifts
// during the run skews both alike. --dotnet-only skips the JavaScript client (for profiling our own).
var dotnetOnly = args.Contains("--dotnet-only");
var sizes = Workloads.FromEnvironment();
var root = Path.Combine(Path.GetTempPath(), "shop-nats-bench", Guid.NewGuid().ToString("N"));
var server = new NatsServer(Ports.GetFree(), new StackPaths(root), "bench", "bench-secret");
await server.StartAsync();
try
{
    Console.WriteLine($"nats-server on port {server.Port}; 128-byte payloads; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
    await using var ours = await DotnetClientBenchmark.StartAsync(server.ConnectionString, sizes);
    await using var theirs = dotnetOnly ? null : NodeClientBenchmark.Start(Path.Combine(FindRepositoryRoot(), "benchmarks", "nats-js"), server.ConnectionString, sizes);
    var results = Workloads.Names.ToDictionary(name => name, _ => (Ours: new List<Measurement>(), Theirs: new List<Measurement>()));
    for (var round = 0; round < sizes.Rounds; round++)
    {
        foreach (var name in Workloads.Names)
        {
            IClientBenchmark?[] order = round % 2 == 0 ? [ours, theirs] : [theirs, ours];
            foreach (var client in order.OfType<IClientBenchmark>())
            {
                var measurement = await client.RunAsync(name);
                (client == ours ? results[name].Ours : results[name].Theirs).Add(measurement);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round + 1} {name,-13} {(client == ours ? ".NET" : "nats.js"),-8} {measurement.PerSecond,12:N0}/s"));
            }
        }
    }

    Console.WriteLine();
    Console.WriteLine($"Medians of {sizes.Rounds} rounds; load average now {LoadAverage()}");
    Console.WriteLine("| workload | Shop.Nats (.NET) | nats.js | ratio | goal | CPU µs/op .NET | CPU µs/op nats.js |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    Row($"core publish msgs/s ({sizes.CorePublish:N0} x 128 B)", results["corePublish"], 1.5);
    Row("request/reply round trips/s (sequential)", results["requestReply"], 1.5);
    Row($"JetStream acked publish msgs/s ({Workloads.PublishWindow} in flight)", results["jsPublish"], 1.0);
    Row("JetStream pull consume + ack msgs/s", results["pullConsume"], 1.0);
}
finally
{
    await server.StopAsync();
    Directory.Delete(root, recursive: true);
}

static void Row(string name, (List<Measurement> Ours, List<Measurement> Theirs) runs, double goal)
{
    var ours = Median(runs.Ours);
    var theirs = Median(runs.Theirs);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {ours.PerSecond:N0} | {theirs.PerSecond:N0} | {ours.PerSecond / theirs.PerSecond:0.00}x | {goal:0.0}x | {ours.CpuMicrosecondsPerOp:0.0} | {theirs.CpuMicrosecondsPerOp:0.0} |"));
}

static Measurement Median(List<Measurement> runs) => runs.Count == 0
    ? new Measurement(double.NaN, double.NaN)
    : new Measurement(
        runs.Select(run => run.PerSecond).Order().ElementAt(runs.Count / 2),
        runs.Select(run => run.CpuMicrosecondsPerOp).Order().ElementAt(runs.Count / 2));

// Other work on the machine moves the figures a lot: say how busy it was.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "benchmarks", "nats-js", "bench.mjs")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (benchmarks/nats-js/bench.mjs not found).");
}
