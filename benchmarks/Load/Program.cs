using System.Globalization;
using Shop.DevStack;
using Shop.Load;
using Shop.Testing;

// The whole system under a realistic mix (70% catalogue reads, 20% cart, 10% orders) through the gateway, on a
// local stack of its own: peak requests/s with p50/p99 and errors, each process's peak memory, then optionally a
// soak at 70% of the peak with resident memory sampled over time.
//   dotnet run -c Release --project benchmarks/Load -- [--seconds 60] [--workers 32] [--soak-minutes 5] [--replicas 1]
var options = LoadOptions.Parse(args);
const string AdminEmail = "admin@load.test";
var stack = new LocalStack(new StackOptions
{
    RepositoryRoot = TestStacks.RepositoryRoot,
    StateDirectory = Path.Combine(Path.GetTempPath(), "shop-load", Guid.NewGuid().ToString("N")),
    Configuration = TestStacks.Configuration,
    Replicas = options.Replicas,
    Durable = false,
    Ports = StackPorts.Free(),
    Environment = new Dictionary<string, string?>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Auth__Admins__0"] = AdminEmail,
        ["RateLimits__AuthPerClientPerMinute"] = "100000",
    },
});
try
{
    Console.WriteLine($"{Environment.ProcessorCount} cores; starting the stack ({TestStacks.Configuration}, {options.Replicas} replica(s))...");
    await stack.StartAsync();
    using var mail = new MailSinkClient(new Uri(stack.Mail.WebUrl));
    var mix = await ShopMix.PrepareAsync(new Uri(stack.Gateway.Url), mail, AdminEmail, customerCount: 20, productCount: 200);
    var processes = stack.Infrastructure.Concat<StackComponent>(stack.Services).Append(stack.Gateway).ToList();

    Console.WriteLine($"warming up, then {options.Seconds} s with {options.Workers} workers...");
    await LoadRuns.ClosedLoopAsync(mix, options.Workers, TimeSpan.FromSeconds(10));
    var peak = await LoadRuns.ClosedLoopAsync(mix, options.Workers, TimeSpan.FromSeconds(options.Seconds));
    Report.Mix($"peak, {options.Workers} workers, {options.Seconds} s", peak, mix);
    Report.PeakMemory(processes);

    if (options.SoakMinutes > 0)
    {
        var rate = Math.Round(peak * 0.7);
        Console.WriteLine($"soak: {rate} requests/s (70% of the peak) for {options.SoakMinutes} min...");
        var samples = new List<(TimeSpan At, Dictionary<string, double?> Resident)>();
        var achieved = await LoadRuns.FixedRateAsync(mix, rate, TimeSpan.FromMinutes(options.SoakMinutes), TimeSpan.FromSeconds(30), at =>
            samples.Add((at, processes.ToDictionary(process => process.Name, process => process.Pid is { } pid ? ProcessMemory.ResidentMiB(pid) : null))));
        Report.Mix($"soak at {rate}/s, {options.SoakMinutes} min", achieved, mix);
        Report.ResidentOverTime(samples);
        Report.PeakMemory(processes);
    }
}
finally
{
    await stack.StopAsync();
    Directory.Delete(stack.Paths.Root, recursive: true);
}

internal sealed record LoadOptions(int Seconds, int Workers, double SoakMinutes, int Replicas)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(arg => arg != name).Skip(1).FirstOrDefault();
        return new LoadOptions(
            int.Parse(Value("--seconds") ?? "60", CultureInfo.InvariantCulture),
            int.Parse(Value("--workers") ?? "32", CultureInfo.InvariantCulture),
            double.Parse(Value("--soak-minutes") ?? "0", CultureInfo.InvariantCulture),
            int.Parse(Value("--replicas") ?? "1", CultureInfo.InvariantCulture));
    }
}
