using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Shop.Gateway.Benchmarks;

// Gateway benchmark (issue 5): one fixed upstream; the endpoint direct, through a bare YARP 2.1.0 pass-through,
// through our gateway anonymously and with a valid token. Variants take turns for several rounds (the machine's two
// cores are shared, so neighbours' load hits every variant alike) and the median round is reported.
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
using var gateway = new ChildProcess(
    Path.Combine(root, "Gateway/bin/Release/net10.0/Shop.Gateway.dll"),
    FreePort(),
    [],
    new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["services__auth__http__0"] = upstream.Url,
        ["services__products__http__0"] = upstream.Url,
        ["services__orders__http__0"] = upstream.Url,
    });
await Task.WhenAll(bare.WaitUntilListeningAsync(), gateway.WaitUntilListeningAsync());

var self = Environment.ProcessId;
var variants = new Variant[]
{
    new("endpoint direct", upstream.Url + "/product", null, () => ProcessCpu.Of(self)),
    new("bare YARP 2.1.0", bare.Url + "/product", null, () => bare.CpuTime),
    new("gateway, anonymous", gateway.Url + "/product", null, () => gateway.CpuTime),
    new("gateway, valid token", gateway.Url + "/product", token, () => gateway.CpuTime),
};

Print($"GET /product, wrk -t1 -c{options.Connections}, {options.Duration.TotalSeconds:0} s per run, {options.Rounds} rounds (median shown), {Environment.ProcessorCount} cores");
foreach (var variant in variants)
{
    await Wrk.RunAsync(variant.Url, options.Connections, TimeSpan.FromSeconds(3), variant.Token);
}

var runs = variants.ToDictionary(variant => variant, _ => new List<Run>());
for (var round = 1; round <= options.Rounds; round++)
{
    foreach (var variant in variants)
    {
        var cpuBefore = variant.Cpu();
        var result = await Wrk.RunAsync(variant.Url, options.Connections, options.Duration, variant.Token);
        var cpuPerRequest = (variant.Cpu() - cpuBefore).TotalMicroseconds / result.Requests;
        if (result.Errors > 0)
        {
            throw new InvalidOperationException($"{variant.Name}: {result.Errors} failed requests; the figures would be meaningless.");
        }

        runs[variant].Add(new Run(result, cpuPerRequest));
        Print($"  round {round}: {variant.Name,-22} {result.RequestsPerSecond,9:0} req/s {cpuPerRequest,7:0.0} us CPU/request");
    }
}

var summary = runs.ToDictionary(pair => pair.Key.Name, pair => Run.Median(pair.Value));
Console.WriteLine();
Console.WriteLine("| variant | requests/s | p50 ms | p99 ms | CPU us/request (process measured) |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var (name, run) in summary)
{
    Print($"| {name} | {run.Wrk.RequestsPerSecond:0} | {run.Wrk.P50Ms:0.00} | {run.Wrk.P99Ms:0.00} | {run.CpuPerRequestUs:0.0} |");
}

var bareYarp = summary["bare YARP 2.1.0"];
var anonymous = summary["gateway, anonymous"];
var withToken = summary["gateway, valid token"];
Console.WriteLine();
Print($"gateway anonymous / bare YARP:  {anonymous.Wrk.RequestsPerSecond / bareYarp.Wrk.RequestsPerSecond:0.00}x requests/s, {bareYarp.CpuPerRequestUs / anonymous.CpuPerRequestUs:0.00}x requests per CPU second (goal >= 0.90)");
Print($"gateway with token / anonymous: {withToken.Wrk.RequestsPerSecond / anonymous.Wrk.RequestsPerSecond:0.00}x requests/s, {anonymous.CpuPerRequestUs / withToken.CpuPerRequestUs:0.00}x requests per CPU second (goal >= 0.90)");
Console.WriteLine("CPU us/request: the measured process only (the proxy; for the direct run the upstream), over the whole run.");
return 0;

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

internal sealed record Variant(string Name, string Url, string? Token, Func<TimeSpan> Cpu);

/// <summary>One wrk run and the measured process's CPU time per request during it.</summary>
internal sealed record Run(WrkResult Wrk, double CpuPerRequestUs)
{
    /// <summary>Each figure's own median over the rounds: throughput and CPU cost vary with the neighbours' load independently.</summary>
    public static Run Median(IReadOnlyList<Run> runs)
    {
        double Middle(IEnumerable<double> values) => values.Order().ElementAt(runs.Count / 2);
        return new Run(
            new WrkResult(Middle(runs.Select(run => run.Wrk.RequestsPerSecond)), Middle(runs.Select(run => run.Wrk.P50Ms)), Middle(runs.Select(run => run.Wrk.P99Ms)), 0, 0),
            Middle(runs.Select(run => run.CpuPerRequestUs)));
    }
}

internal sealed record Options(int Connections, TimeSpan Duration, int Rounds)
{
    public static Options Parse(string[] args)
    {
        int Read(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new Options(Read("--connections", 32), TimeSpan.FromSeconds(Read("--seconds", 10)), Read("--rounds", 3));
    }
}
