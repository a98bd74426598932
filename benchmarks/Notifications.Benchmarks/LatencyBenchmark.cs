using System.Diagnostics;
using Shop.Testing;

namespace Shop.Notifications.Benchmarks;

/// <summary>One mail at a time: from the trigger to the moment maildev lists the mail (polled every few ms).</summary>
internal static class LatencyBenchmark
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(5);

    public static async Task<Samples> MeasureAsync(MailSinkClient sink, int samples, Func<string, Task> trigger)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var milliseconds = new List<double>(samples);
        for (var index = 0; index < samples; index++)
        {
            await sink.ClearAsync();
            var email = $"latency{index}-{run}@example.test";
            var watch = Stopwatch.StartNew();
            await trigger(email);
            await WaitForMailAsync(sink, email);
            milliseconds.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new Samples(milliseconds);
    }

    private static async Task WaitForMailAsync(MailSinkClient sink, string email)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!(await sink.ListAsync()).Any(mail => mail.To.Any(to => to.Address == email)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail to {email} within 30 s.");
            }

            await Task.Delay(PollEvery);
        }
    }
}
