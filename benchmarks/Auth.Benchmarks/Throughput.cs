using System.Diagnostics;

namespace Shop.Auth.Benchmarks;

/// <summary>
/// One operation's speed: operations per second on one thread and on every core (wall clock), and CPU time per
/// operation on one thread, which holds steadier when other work shares the machine. Each figure is the best of
/// three rounds after a warm-up long enough for tiered compilation to finish: on a busy machine the best round is
/// the one least disturbed.
/// </summary>
internal sealed record Throughput(double SingleThread, double AllCores, double CpuMicroseconds)
{
    private const int Rounds = 3;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    public static async Task<Throughput> MeasureAsync(Func<Task> operation)
    {
        await RunAsync(operation, 1, Warmup);
        var best = new Throughput(0, 0, double.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            var cpuBefore = CpuTime();
            var (single, count) = await RunAsync(operation, 1, Duration);
            var cpu = (CpuTime() - cpuBefore).TotalMicroseconds / count;
            var (all, _) = await RunAsync(operation, Environment.ProcessorCount, Duration);
            best = new Throughput(Math.Max(best.SingleThread, single), Math.Max(best.AllCores, all), Math.Min(best.CpuMicroseconds, cpu));
        }

        return best;
    }

    /// <summary>Runs <paramref name="operation"/> back to back on <paramref name="threads"/> threads for <paramref name="duration"/>.</summary>
    private static async Task<(double PerSecond, long Count)> RunAsync(Func<Task> operation, int threads, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, threads).Select(_ => Task.Run(async () =>
        {
            long count = 0;
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                await operation();
                count++;
            }

            return count;
        }));
        var total = (await Task.WhenAll(workers)).Sum();
        return (total / Stopwatch.GetElapsedTime(started).TotalSeconds, total);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
