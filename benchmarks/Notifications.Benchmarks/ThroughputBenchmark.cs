using System.Diagnostics;
using Shop.Testing;

namespace Shop.Notifications.Benchmarks;

/// <summary>Many mails at once: from the first event published to the last mail accepted by maildev.</summary>
internal static class ThroughputBenchmark
{
    /// <summary>Events in flight while publishing (each publish waits for JetStream's ack).</summary>
    private const int PublishConcurrency = 32;

    public static async Task<double> ServiceAsync(BenchmarkStack stack, int mails)
    {
        await stack.Sink.ClearAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var like = $"%-{run}@example.test";
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, mails),
            new ParallelOptions { MaxDegreeOfParallelism = PublishConcurrency },
            async (index, _) => await stack.PublishAsync("auth", "user_registered", new { userId = Guid.NewGuid(), email = $"tp{index}-{run}@example.test" }));
        while (await stack.CountSentAsync(like) < mails)
        {
            await Task.Delay(20);
        }

        var rate = mails / watch.Elapsed.TotalSeconds;
        await ExpectInSinkAsync(stack.Sink, run, mails);
        return rate;
    }

    public static async Task<double> DirectAsync(BenchmarkStack stack, int mails, int concurrency, Func<string, Task> send)
    {
        await stack.Sink.ClearAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, mails),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (index, _) => await send($"direct{index}-{run}@example.test"));
        var rate = mails / watch.Elapsed.TotalSeconds;
        await ExpectInSinkAsync(stack.Sink, run, mails);
        return rate;
    }

    /// <summary>
    /// The figure only counts if every mail arrived exactly once. maildev answers 250 before its list shows the
    /// mail, so give the list a moment to catch up with what the database records as sent.
    /// </summary>
    private static async Task ExpectInSinkAsync(MailSinkClient sink, string run, int mails)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        int received;
        while ((received = (await sink.ListAsync()).Count(mail => mail.To.Any(to => to.Address.Contains(run, StringComparison.Ordinal)))) < mails
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        if (received != mails)
        {
            throw new InvalidOperationException($"maildev holds {received} mails of run {run}, expected exactly {mails}.");
        }
    }
}
