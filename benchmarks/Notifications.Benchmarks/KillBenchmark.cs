using Shop.DevStack;

namespace Shop.Notifications.Benchmarks;

/// <summary>
/// kill -9 of a replica at a random moment of a batch, restart, and count the mails maildev got twice: the
/// measured size of the one window exactly-once cannot close (maildev accepted a mail, its "sent" row not yet
/// committed). The tests prove exactly-once outside that window; this says how often a real crash hits it.
/// </summary>
internal static class KillBenchmark
{
    public static async Task<(int Kills, int Mails, int Duplicates, int Lost)> RunAsync(BenchmarkStack stack, ServiceInstance victim, int kills, int mailsPerKill)
    {
        var duplicates = 0;
        var lost = 0;
        for (var round = 0; round < kills; round++)
        {
            await stack.Sink.ClearAsync();
            var run = Guid.NewGuid().ToString("N")[..8];
            var like = $"%-{run}@example.test";
            for (var index = 0; index < mailsPerKill; index++)
            {
                await stack.PublishAsync("auth", "user_registered", new { userId = Guid.NewGuid(), email = $"kill{index}-{run}@example.test" });
            }

            // A moment independent of what the senders do (waiting for the n-th "sent" row would kill right after a
            // commit, when the other senders' mails are likelier to sit in the window): some time after the first mail.
            while (await stack.CountSentAsync(like) == 0)
            {
                await Task.Delay(5);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000)));
            await victim.KillAsync();
            await victim.StartAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (await stack.CountSentAsync(like) < mailsPerKill && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            await Task.Delay(TimeSpan.FromSeconds(1)); // maildev lists a mail a moment after accepting it
            var perRecipient = (await stack.Sink.ListAsync())
                .SelectMany(mail => mail.To.Select(to => to.Address))
                .Where(address => address.Contains(run, StringComparison.Ordinal))
                .GroupBy(address => address)
                .ToList();
            duplicates += perRecipient.Sum(group => group.Count() - 1);
            lost += mailsPerKill - perRecipient.Count;
        }

        return (kills, kills * mailsPerKill, duplicates, lost);
    }
}
