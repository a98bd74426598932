namespace Shop.Nats.Protocol;

/// <summary>
/// Every PING on the wire, in order, with whoever waits for its PONG (null for a keepalive). A PING still queued when
/// the socket dies goes out on the next socket, so only the ones already written are failed then.
/// Not thread-safe: <see cref="CommandWriter"/> uses it under its lock.
/// </summary>
internal sealed class PingTracker
{
    private readonly Queue<TaskCompletionSource?> waiters = new();
    private int notYetWritten;

    /// <summary>Keepalive PINGs sent since the last PONG.</summary>
    public int KeepalivesOutstanding { get; private set; }

    public void Queued(TaskCompletionSource? waiter)
    {
        waiters.Enqueue(waiter);
        notYetWritten++;
        if (waiter is null)
        {
            KeepalivesOutstanding++;
        }
    }

    /// <summary>A writer took everything queued: those PINGs count as written.</summary>
    public void AllTaken() => notYetWritten = 0;

    /// <summary>A PONG answers the oldest PING; any PONG proves the socket alive.</summary>
    public TaskCompletionSource? Ponged()
    {
        KeepalivesOutstanding = 0;
        return waiters.Count > 0 ? waiters.Dequeue() : null;
    }

    /// <summary>A new socket: no keepalive is outstanding on it yet.</summary>
    public void ResetKeepalives() => KeepalivesOutstanding = 0;

    /// <summary>The socket died: the waiters of PINGs it already carried will never get a PONG.</summary>
    public List<TaskCompletionSource> TakeWritten()
    {
        List<TaskCompletionSource> lost = [];
        for (var written = waiters.Count - notYetWritten; written > 0; written--)
        {
            if (waiters.Dequeue() is { } waiter)
            {
                lost.Add(waiter);
            }
        }

        return lost;
    }

    public List<TaskCompletionSource> TakeAll()
    {
        List<TaskCompletionSource> all = [.. waiters.OfType<TaskCompletionSource>()];
        waiters.Clear();
        notYetWritten = 0;
        return all;
    }
}
