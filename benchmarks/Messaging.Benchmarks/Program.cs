using System.Globalization;
using System.Text.Json;
using Shop.Messaging;
using Shop.Messaging.Benchmarks;
using Shop.Testing;

// One PostgreSQL and one nats-server (DevStack). In the same run: Shop.Messaging end to end (outbox insert -> relay ->
// JetStream -> durable consumer in another host -> handled and acked), and NATS.Net alone on the same server with
// messages of the same size, as the reference. Sizes: MESSAGING_EVENTS, RAW_MESSAGES, BENCH_ROUNDS.
var events = Setting("MESSAGING_EVENTS", 3000);
var raw = Setting("RAW_MESSAGES", 20000);
var rounds = Setting("BENCH_ROUNDS", 3);
var payload = JsonSerializer.SerializeToUtf8Bytes(CloudEvent.Create("bench", "bench_happened", new BenchEvent(0, new string('x', 200)), DateTimeOffset.UtcNow));

await using var stack = TestStacks.Create();
await stack.StartInfrastructureAsync();
await using var reference = await RawJetStream.StartAsync(stack.Nats.ConnectionString);
await using var endToEnd = await EndToEnd.StartAsync(stack);
Console.WriteLine($"{Environment.ProcessorCount} cores; load average {LoadAverage()}; {payload.Length}-byte messages; {rounds} rounds, medians");

await endToEnd.RunAsync(200, writers: 4, perSecond: null); // warm-up: JIT, pools, consumer created
var saturated = new List<EndToEnd.Result>();
var paced = new List<EndToEnd.Result>();
var publishOne = new List<double>();
var publishMany = new List<double>();
var consume = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    saturated.Add(await endToEnd.RunAsync(events, writers: 8, perSecond: null));
    paced.Add(await endToEnd.RunAsync(Math.Max(100, events / 10), writers: 8, perSecond: 100));
    publishOne.Add(await reference.PublishAsync(raw / 4, inFlight: 1, payload));
    publishMany.Add(await reference.PublishAsync(raw, inFlight: 256, payload));
    consume.Add(await reference.ConsumeAsync(raw));
    Console.WriteLine(Invariant($"  round {round}: end to end {saturated[^1].PerSecond:N0}/s p50 {saturated[^1].P50Ms:0.0} ms p99 {saturated[^1].P99Ms:0.0} ms; at 100/s p50 {paced[^1].P50Ms:0.0} ms p99 {paced[^1].P99Ms:0.0} ms; raw publish 1 in flight {publishOne[^1]:N0}/s, 256 in flight {publishMany[^1]:N0}/s, consume+ack {consume[^1]:N0}/s"));
}

Console.WriteLine();
Console.WriteLine($"load average now {LoadAverage()}");
Console.WriteLine("| measured | events or msgs/s | p50 ms | p99 ms |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine(Invariant($"| Shop.Messaging end to end, as fast as 8 writers go ({events:N0} events, one per transaction) | {Median(saturated.Select(result => result.PerSecond)):N0} | {Median(saturated.Select(result => result.P50Ms)):0.0} | {Median(saturated.Select(result => result.P99Ms)):0.0} |"));
Console.WriteLine(Invariant($"| Shop.Messaging end to end, paced at 100 events/s | {Median(paced.Select(result => result.PerSecond)):N0} | {Median(paced.Select(result => result.P50Ms)):0.0} | {Median(paced.Select(result => result.P99Ms)):0.0} |"));
Console.WriteLine(Invariant($"| NATS.Net JetStream acked publish, 1 in flight (as the relay publishes) | {Median(publishOne):N0} | | |"));
Console.WriteLine(Invariant($"| NATS.Net JetStream acked publish, 256 in flight | {Median(publishMany):N0} | | |"));
Console.WriteLine(Invariant($"| NATS.Net JetStream pull consume + ack | {Median(consume):N0} | | |"));

static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);

static int Setting(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
