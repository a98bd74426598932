using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Shop.Gateway.Benchmarks;

// Gateway benchmark (issue 5): one fixed upstream; the endpoint direct, through a bare YARP 2.1.0 pass-through,
// through our gateway anonymously and with a valid token. Variants take turns for several rounds (the machine's two
// cores are shared, so neighbours' load hits every variant alike) and the median round is reported. With
// --baseline-gateway <Shop.Gateway.dll of another Release build> that build runs in the same rounds, to judge a change.
const string BareYarp = "bare YARP 2.1.0";
const string Anonymous = "gateway, anonymous";
const string WithToken = "gateway, valid token";

var options = Options.Parse(args);
var root = FindRepositoryRoot();

await using var upstream = new FixedUpstream(FreePort());
await upstream.StartAsync();
var token = upstream.MintToken();

using var bare = new ChildProcess(
    Path.Combine(root, "benchmarks/BareProxy/bin/Release/net10.0/Shop.BareProxy.dll"),
    FreePort(),
    ["--destination", upstream.Url],
    new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
using var gateway = StartGateway(Path.Combine(root, "Gateway/bin/Release/net10.0/Shop.Gateway.dll"));
using var baseline = options.BaselineGateway is { } baselineDll ? StartGateway(baselineDll) : null;
await Task.WhenAll(new[] { bare, gateway, baseline }.OfType<ChildProcess>().Select(process => process.WaitUntilListeningAsync()));

var self = Environment.ProcessId;
var variants = new List<Variant>
{
    new("endpoint direct", upstream.Url + "/product", null, () => ProcessCpu.Of(self)),
    new(BareYarp, bare.Url + "/product", null, () => bare.CpuTime),
    new(Anonymous, gateway.Url + "/product", null, () => gateway.CpuTime),
    new(WithToken, gateway.Url + "/product", token, () => gateway.CpuTime),
};
if (baseline is not null)
{
    variants.Add(new("baseline gateway, anonymous", baseline.Url + "/product", null, () => baseline.CpuTime));
    variants.Add(new("baseline gateway, valid token", baseline.Url + "/product", token, () => baseline.CpuTime));
}

Print($"GET /product, wrk -t1 -c{options.Connections}, {options.Duration.TotalSeconds:0} s per run, {options.Rounds} rounds (median shown), {Environment.ProcessorCount} cores");
foreach (var variant in variants)
{
    await Wrk.RunAsync(variant.Url, options.Connections, TimeSpan.FromSeconds(3), variant.Headers);
}

var runs = variants.ToDictionary(variant => variant.Name, _ => new List<Run>());
for (var round = 1; round <= options.Rounds; round++)
{
    // Every other round runs the variants in reverse, so a drift in the machine's load favours none of them.
    foreach (var variant in round % 2 == 1 ? variants : Enumerable.Reverse(variants))
    {
        var cpuBefore = variant.Cpu();
        var result = await Wrk.RunAsync(variant.Url, options.Connections, options.Duration, variant.Headers);
        var cpuPerRequest = (variant.Cpu() - cpuBefore).TotalMicroseconds / result.Requests;
        if (result.Errors > 0)
        {
            throw new InvalidOperationException($"{variant.Name}: {result.Errors} failed requests; the figures would be meaningless.");
        }

        runs[variant.Name].Add(new Run(result, cpuPerRequest));
        Print($"  round {round}: {variant.Name,-30} {result.RequestsPerSecond,9:0} req/s {cpuPerRequest,7:0.0} us CPU/request");
    }
}

Console.WriteLine();
Console.WriteLine("| variant | requests/s | p50 ms | p99 ms | CPU us/request (process measured) |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var (name, run) in runs.Select(pair => (pair.Key, Run.Median(pair.Value))))
{
    Print($"| {name} | {run.Wrk.RequestsPerSecond:0} | {run.Wrk.P50Ms:0.00} | {run.Wrk.P99Ms:0.00} | {run.CpuPerRequestUs:0.0} |");
}

Console.WriteLine();
PrintRatio("gateway anonymous / bare YARP: ", runs[Anonymous], runs[BareYarp]);
PrintRatio("gateway with token / anonymous:", runs[WithToken], runs[Anonymous]);
Console.WriteLine("Ratios: the median over the rounds of each round's own ratio (the two runs compared are neighbours in time).");
Console.WriteLine("CPU us/request: the measured process only (the proxy; for the direct run the upstream), over the whole run.");
return 0;

ChildProcess StartGateway(string assembly) => new(
    assembly,
    FreePort(),
    [],
    new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["services__auth__http__0"] = upstream.Url,
        ["services__products__http__0"] = upstream.Url,
        ["services__orders__http__0"] = upstream.Url,
    });

static void PrintRatio(string label, IReadOnlyList<Run> measured, IReadOnlyList<Run> reference)
{
    var throughput = Run.Median(measured.Zip(reference, (a, b) => a.Wrk.RequestsPerSecond / b.Wrk.RequestsPerSecond));
    var perCpu = Run.Median(measured.Zip(reference, (a, b) => b.CpuPerRequestUs / a.CpuPerRequestUs));
    Print($"{label} {throughput:0.00}x requests/s, {perCpu:0.00}x requests per CPU second (goal >= 0.90)");
}

static void Print(FormattableString line) => Console.WriteLine(FormattableString.Invariant(line));

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Shop.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Shop.sln not found above " + AppContext.BaseDirectory);
}

internal sealed record Variant(string Name, string Url, string? Token, Func<TimeSpan> Cpu)
{
    public IEnumerable<string> Headers => Token is null ? [] : [$"Authorization: Bearer {Token}"];
}

/// <summary>One wrk run and the measured process's CPU time per request during it.</summary>
internal sealed record Run(WrkResult Wrk, double CpuPerRequestUs)
{
    /// <summary>Each figure's own median over the rounds: throughput and CPU cost vary with the neighbours' load independently.</summary>
    public static Run Median(IReadOnlyList<Run> runs) => new(
        new WrkResult(Median(runs.Select(run => run.Wrk.RequestsPerSecond)), Median(runs.Select(run => run.Wrk.P50Ms)), Median(runs.Select(run => run.Wrk.P99Ms)), 0, 0),
        Median(runs.Select(run => run.CpuPerRequestUs)));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

internal sealed record Options(int Connections, TimeSpan Duration, int Rounds, string? BaselineGateway)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var index and >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        int Read(string name, int fallback) => Value(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        // The defaults are the run of record's (docs/benchmarks.md): seven rounds keep one disturbed run out of the medians.
        return new Options(
            Read("--connections", 32),
            TimeSpan.FromSeconds(Read("--seconds", 6)),
            Read("--rounds", 7),
            Value("--baseline-gateway") is { } baseline ? Path.GetFullPath(baseline) : null);
    }
}
