using System.Collections.Concurrent;

namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// Bounds what one client's refused requests cost the logs: the first <see cref="FullPerWindow"/> refusals of a
/// client per minute are logged in full, the rest only counted and reported with the client's next logged refusal.
/// </summary>
public sealed class RefusalLogSampler(TimeProvider time)
{
    public const int FullPerWindow = 5;

    /// <summary>Clients tracked at most; beyond that the table starts over (a flood of addresses still logs at most that many a window each).</summary>
    private const int MaxClients = 10_000;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Counter> clients = new(StringComparer.Ordinal);

    /// <summary>True when this refusal is to be logged; <paramref name="skipped"/> says how many of the client's refusals went unlogged before it.</summary>
    public bool ShouldLog(string client, out int skipped)
    {
        if (clients.Count >= MaxClients)
        {
            clients.Clear();
        }

        var counter = clients.GetOrAdd(client, _ => new Counter());
        var now = time.GetUtcNow();
        lock (counter)
        {
            if (now - counter.WindowStart >= Window)
            {
                counter.WindowStart = now;
                counter.Logged = 0;
            }

            if (counter.Logged < FullPerWindow)
            {
                counter.Logged++;
                skipped = counter.Skipped;
                counter.Skipped = 0;
                return true;
            }

            counter.Skipped++;
            skipped = 0;
            return false;
        }
    }

    private sealed class Counter
    {
        public DateTimeOffset WindowStart { get; set; } = DateTimeOffset.MinValue;

        public int Logged { get; set; }

        public int Skipped { get; set; }
    }
}
