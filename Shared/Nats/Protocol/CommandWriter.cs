using System.Diagnostics;
using System.Net.Sockets;

namespace Shop.Nats.Protocol;

/// <summary>
/// The write side. Callers only enqueue: commands are formatted under a lock into chunks (<see cref="CommandQueue"/>),
/// and one writer at a time sends whole chunks, so many small publishes coalesce into few large writes.
/// The priority lane (PONG replies, the SUB replay after a reconnect) goes before the chunks. The chunks outlive a
/// socket: while disconnected they are the bounded reconnect buffer, sent after the replay.
/// </summary>
/// <remarks>
/// The writer is normally the socket's writer loop. When that loop is parked and the socket has been quiet for a
/// moment, the enqueuing caller sends the (small) batch itself: waking the loop would cost a thread hop, and hops are
/// what a request/reply round trip is made of. A publishing loop never sees a quiet socket, so it still coalesces.
/// </remarks>
internal sealed partial class CommandWriter
{
    private static readonly long QuietTicks = Stopwatch.Frequency / 50_000; // 20 µs

    private readonly int bufferLimit;
    private readonly Action<CommandQueue.Chunk> releaseChunk;
    private readonly Lock gate = new();
    private readonly CommandQueue queue = new();
    private readonly PingTracker pings = new();
    private readonly SemaphoreSlim loopSignal = new(0);
    private WriterRole role = WriterRole.Detached;
    private Socket? socket;
    private Action<Exception>? onSendFailed;
    private int generation;
    private long quietSince;
    private Func<Exception>? closedError;
    private TaskCompletionSource? spaceAvailable;

    public CommandWriter(int bufferLimit)
    {
        this.bufferLimit = bufferLimit;
        releaseChunk = ReleaseChunk;
    }

    /// <summary>Who may write to the socket right now; exactly one holder while attached.</summary>
    private enum WriterRole
    {
        /// <summary>No socket: commands wait in the queue.</summary>
        Detached,

        /// <summary>Nobody is writing; the loop waits for a signal.</summary>
        Parked,

        /// <summary>The writer loop is writing.</summary>
        Loop,

        /// <summary>A caller is writing on its own thread.</summary>
        Inline,
    }

    /// <summary>SUB/UNSUB; skipped while disconnected because the reconnect replays the live subscriptions.</summary>
    public void WriteIfConnected(ReadOnlySpan<byte> command)
    {
        Dispatch dispatch;
        lock (gate)
        {
            if (role == WriterRole.Detached)
            {
                return;
            }

            queue.Write(command);
            dispatch = ClaimWriter();
        }

        Run(dispatch);
    }

    /// <summary>Queues a PING behind everything queued so far; the task completes with its PONG (a flush).</summary>
    public Task PingAsync()
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Dispatch dispatch;
        lock (gate)
        {
            dispatch = QueuePing(waiter);
        }

        Run(dispatch);
        return waiter.Task;
    }

    /// <summary>Sends a keepalive PING, or returns false when MaxPingOut are already unanswered (a stale socket).</summary>
    public bool TrySendKeepalive(int maxPingOut)
    {
        Dispatch dispatch;
        lock (gate)
        {
            if (pings.KeepalivesOutstanding >= maxPingOut)
            {
                return false;
            }

            dispatch = QueuePing(null);
        }

        Run(dispatch);
        return true;
    }

    /// <summary>Queues bytes ahead of all chunks (PONG replies from the read loop, which must never block on a send).</summary>
    public void WritePriority(ReadOnlySpan<byte> command)
    {
        Dispatch dispatch;
        lock (gate)
        {
            queue.WritePriority(command);
            dispatch = ClaimWriter(mayWriteInline: false);
        }

        Run(dispatch);
    }

    public void OnPong()
    {
        TaskCompletionSource? waiter;
        lock (gate)
        {
            waiter = pings.Ponged();
        }

        waiter?.TrySetResult();
    }

    /// <summary>
    /// A socket is ready and its writer loop is about to run: the subscriptions are replayed first (priority lane),
    /// then the chunks buffered meanwhile. A failed inline send reports to <paramref name="sendFailed"/>.
    /// </summary>
    public void Attach(Socket connected, IEnumerable<byte[]> subscribeCommands, Action<Exception> sendFailed)
    {
        lock (gate)
        {
            generation++;
            socket = connected;
            onSendFailed = sendFailed;
            role = WriterRole.Loop;
            queue.ClearPriority();
            pings.ResetKeepalives();
            foreach (var command in subscribeCommands)
            {
                queue.WritePriority(command);
            }
        }
    }

    /// <summary>The socket is gone (its writer loop has ended); buffered chunks stay for the next socket.</summary>
    public void Detach()
    {
        List<TaskCompletionSource> lost;
        TaskCompletionSource? space;
        lock (gate)
        {
            generation++;
            socket = null;
            onSendFailed = null;
            role = WriterRole.Detached;
            queue.ClearPriority();
            lost = pings.TakeWritten();
            space = TakeSpaceWaiters();
        }

        foreach (var waiter in lost)
        {
            waiter.TrySetException(new NatsException("The connection was lost before the server answered the PING."));
        }

        space?.TrySetResult();
    }

    /// <summary>No more writes: the connection was disposed or gave up. Buffered commands are dropped.</summary>
    public void Close(Func<Exception> error)
    {
        List<TaskCompletionSource> waiters;
        TaskCompletionSource? space;
        lock (gate)
        {
            closedError = error;
            role = WriterRole.Detached;
            waiters = pings.TakeAll();
            queue.Clear();
            space = TakeSpaceWaiters();
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetException(error());
        }

        space?.TrySetResult();
        loopSignal.Release();
    }

    private Dispatch QueuePing(TaskCompletionSource? waiter)
    {
        ThrowIfClosed();
        queue.Write(CommandEncoder.Ping);
        pings.Queued(waiter);
        return ClaimWriter();
    }

    private void ThrowIfClosed()
    {
        if (closedError is not null)
        {
            throw closedError();
        }
    }

}
