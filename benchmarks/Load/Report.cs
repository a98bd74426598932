using System.Globalization;
using Shop.DevStack;

namespace Shop.Load;

/// <summary>Markdown tables of a run, ready for docs/benchmarks.md.</summary>
public static class Report
{
    public static void Mix(string title, double requestsPerSecond, ShopMix mix)
    {
        var total = mix.Results.Values.Sum(kind => kind.Count);
        var errors = mix.Results.Values.Sum(kind => kind.Errors);
        Console.WriteLine();
        Console.WriteLine(Invariant($"### {title}: {requestsPerSecond:0} requests/s, {total} requests, {errors} errors"));
        Console.WriteLine("| kind | requests | p50 ms | p99 ms | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (kind, latencies) in mix.Results)
        {
            Console.WriteLine(Invariant($"| {kind} | {latencies.Count} | {latencies.Percentile(0.50):0.0} | {latencies.Percentile(0.99):0.0} | {latencies.Errors} |"));
        }
    }

    /// <summary>VmHWM of every process of the stack (PostgreSQL: its postmaster; each backend is a process of its own).</summary>
    public static void PeakMemory(IEnumerable<StackComponent> processes)
    {
        Console.WriteLine();
        Console.WriteLine("| process | peak resident MiB (VmHWM) |");
        Console.WriteLine("|---|---:|");
        foreach (var process in processes)
        {
            var peak = process.Pid is { } pid ? ProcessMemory.PeakMiB(pid) : null;
            Console.WriteLine(Invariant($"| {process.Name} | {(peak is { } value ? value.ToString("0", CultureInfo.InvariantCulture) : "not running")} |"));
        }
    }

    public static void ResidentOverTime(IReadOnlyList<(TimeSpan At, Dictionary<string, double?> Resident)> samples)
    {
        var names = samples[0].Resident.Keys.ToList();
        Console.WriteLine();
        Console.WriteLine($"| resident MiB at | {string.Join(" | ", names)} |");
        Console.WriteLine($"|---|{string.Concat(names.Select(_ => "---:|"))}");
        foreach (var (at, resident) in samples)
        {
            Console.WriteLine(Invariant($"| {at.TotalSeconds:0} s | {string.Join(" | ", names.Select(name => resident[name]?.ToString("0", CultureInfo.InvariantCulture) ?? "-"))} |"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
