using System.Diagnostics;

namespace Shop.Load;

/// <summary>The two ways of driving the mix: as fast as a fixed number of workers can (peak), or at a fixed rate (soak).</summary>
public static class LoadRuns
{
    /// <summary><paramref name="workers"/> loops sending one request after another for <paramref name="duration"/>; returns requests/s.</summary>
    public static async Task<double> ClosedLoopAsync(ShopMix mix, int workers, TimeSpan duration)
    {
        mix.Reset();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            var random = new Random(worker);
            while (clock.Elapsed < duration)
            {
                await mix.RunOneAsync(random);
            }
        }));
        return mix.Results.Values.Sum(kind => kind.Count) / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Starts requests at <paramref name="rate"/> per second for <paramref name="duration"/> (at most 512 in flight),
    /// calling <paramref name="sample"/> every <paramref name="sampleEvery"/>; returns the requests/s achieved.
    /// </summary>
    public static async Task<double> FixedRateAsync(ShopMix mix, double rate, TimeSpan duration, TimeSpan sampleEvery, Action<TimeSpan> sample)
    {
        mix.Reset();
        using var inFlight = new SemaphoreSlim(512);
        var random = new Random(7);
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        sample(TimeSpan.Zero);
        var nextSample = sampleEvery;
        for (long sent = 0; clock.Elapsed < duration; sent++)
        {
            var due = TimeSpan.FromSeconds(sent / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            if (clock.Elapsed >= nextSample)
            {
                sample(clock.Elapsed);
                nextSample += sampleEvery;
            }

            await inFlight.WaitAsync();
            running.Add(SendAsync(mix, new Random(random.Next()), inFlight));
            running.RemoveAll(task => task.IsCompleted);
        }

        await Task.WhenAll(running);
        if (clock.Elapsed - (nextSample - sampleEvery) > TimeSpan.FromSeconds(1))
        {
            sample(clock.Elapsed);
        }
        return mix.Results.Values.Sum(kind => kind.Count) / clock.Elapsed.TotalSeconds;
    }

    private static async Task SendAsync(ShopMix mix, Random random, SemaphoreSlim inFlight)
    {
        try
        {
            await mix.RunOneAsync(random);
        }
        finally
        {
            inFlight.Release();
        }
    }
}
