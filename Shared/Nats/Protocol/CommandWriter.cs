using System.Buffers;
using System.Text;

namespace Shop.Nats.Protocol;

/// <summary>
/// The write side. Callers only enqueue: commands are formatted under a lock into 64 KiB chunks, and one
/// writer loop per socket sends whole chunks, so many small publishes coalesce into few large writes.
/// A small priority lane (PONG replies, the SUB replay after a reconnect) is sent before the chunks.
/// The chunks outlive a socket: while disconnected they are the bounded reconnect buffer, sent after the replay.
/// Every PING on the wire has an entry in a FIFO of PONG waiters, which keeps <see cref="PingAsync"/> exact.
/// </summary>
internal sealed class CommandWriter(int bufferLimit)
{
    private const int ChunkSize = 64 * 1024;

    private readonly Lock gate = new();
    private readonly List<Chunk> queued = [];
    private readonly Queue<TaskCompletionSource?> pongWaiters = new();
    private readonly SemaphoreSlim writerSignal = new(0);
    private Chunk? current;
    private byte[] priority = new byte[1024];
    private int priorityLength;
    private long pendingBytes;
    private int queuedPings;
    private int keepalivePingsOutstanding;
    private bool connected;
    private bool writerWaiting;
    private Func<Exception>? closedError;
    private TaskCompletionSource? spaceAvailable;

    /// <summary>Queues a publish. Completes at once unless the buffer is full while connected (then it waits for the socket).</summary>
    public ValueTask PublishAsync(string subject, string? replyTo, NatsHeaders? headers, int headerBytes, ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        var length = CommandEncoder.GetPublishLength(
            Encoding.UTF8.GetByteCount(subject),
            replyTo is null ? 0 : Encoding.UTF8.GetByteCount(replyTo),
            headerBytes,
            payload.Length,
            headers is not null);
        return TryWritePublish(subject, replyTo, headers, headerBytes, payload.Span, length)
            ? ValueTask.CompletedTask
            : WaitAndPublishAsync(subject, replyTo, headers, headerBytes, payload, length, ct);
    }

    /// <summary>SUB/UNSUB; skipped while disconnected because the reconnect replays the live subscriptions.</summary>
    public void WriteIfConnected(ReadOnlySpan<byte> command)
    {
        bool wake;
        lock (gate)
        {
            if (!connected)
            {
                return;
            }

            command.CopyTo(Reserve(command.Length));
            wake = TakeWriterWaiting();
        }

        WakeWriter(wake);
    }

    /// <summary>Queues a PING behind everything queued so far; the task completes with its PONG (a flush).</summary>
    public Task PingAsync()
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        QueuePing(waiter);
        return waiter.Task;
    }

    /// <summary>Sends a keepalive PING, or returns false when MaxPingOut pings are already unanswered (a stale socket).</summary>
    public bool TrySendKeepalive(int maxPingOut)
    {
        lock (gate)
        {
            if (keepalivePingsOutstanding >= maxPingOut)
            {
                return false;
            }

            keepalivePingsOutstanding++;
        }

        QueuePing(null);
        return true;
    }

    /// <summary>Queues bytes ahead of all chunks (PONG replies from the read loop).</summary>
    public void WritePriority(ReadOnlySpan<byte> command)
    {
        bool wake;
        lock (gate)
        {
            AppendPriority(command);
            wake = TakeWriterWaiting();
        }

        WakeWriter(wake);
    }

    public void OnPong()
    {
        TaskCompletionSource? waiter = null;
        lock (gate)
        {
            keepalivePingsOutstanding = 0;
            if (pongWaiters.Count > 0)
            {
                waiter = pongWaiters.Dequeue();
            }
        }

        waiter?.TrySetResult();
    }

    /// <summary>A socket is ready: replay the subscriptions first (priority lane), then release the buffered chunks.</summary>
    public void Attach(IEnumerable<byte[]> subscribeCommands)
    {
        lock (gate)
        {
            connected = true;
            priorityLength = 0;
            keepalivePingsOutstanding = 0;
            foreach (var command in subscribeCommands)
            {
                AppendPriority(command);
            }
        }
    }

    /// <summary>The socket is gone: PINGs already written will never be answered; buffered chunks stay for the next socket.</summary>
    public void Detach()
    {
        List<TaskCompletionSource> lost = [];
        TaskCompletionSource? space;
        lock (gate)
        {
            connected = false;
            writerWaiting = false;
            priorityLength = 0;
            for (var sent = pongWaiters.Count - queuedPings; sent > 0; sent--)
            {
                if (pongWaiters.Dequeue() is { } waiter)
                {
                    lost.Add(waiter);
                }
            }

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
        List<TaskCompletionSource?> waiters;
        TaskCompletionSource? space;
        lock (gate)
        {
            closedError = error;
            connected = false;
            waiters = [.. pongWaiters];
            pongWaiters.Clear();
            foreach (var chunk in queued)
            {
                ArrayPool<byte>.Shared.Return(chunk.Bytes);
            }

            queued.Clear();
            current = null;
            pendingBytes = 0;
            queuedPings = 0;
            space = TakeSpaceWaiters();
        }

        foreach (var waiter in waiters)
        {
            waiter?.TrySetException(error());
        }

        space?.TrySetResult();
        writerSignal.Release();
    }

    /// <summary>The one writer for a socket: sends the priority lane, then whole chunks, until the socket fails or ct fires.</summary>
    public async Task RunWriterAsync(Stream stream, CancellationToken ct)
    {
        var inFlight = new Queue<Chunk>();
        var priorityBatch = new byte[1024];
        try
        {
            while (true)
            {
                int priorityBatchLength;
                lock (gate)
                {
                    if (closedError is not null)
                    {
                        return;
                    }

                    priorityBatchLength = priorityLength;
                    if (priorityLength > priorityBatch.Length)
                    {
                        priorityBatch = new byte[priority.Length];
                    }

                    priority.AsSpan(0, priorityLength).CopyTo(priorityBatch);
                    priorityLength = 0;
                    foreach (var chunk in queued)
                    {
                        inFlight.Enqueue(chunk);
                    }

                    queued.Clear();
                    current = null;
                    queuedPings = 0;
                    writerWaiting = priorityBatchLength == 0 && inFlight.Count == 0;
                }

                if (priorityBatchLength == 0 && inFlight.Count == 0)
                {
                    await writerSignal.WaitAsync(ct).ConfigureAwait(false);
                    continue;
                }

                if (priorityBatchLength > 0)
                {
                    await stream.WriteAsync(priorityBatch.AsMemory(0, priorityBatchLength), ct).ConfigureAwait(false);
                }

                while (inFlight.TryPeek(out var chunk))
                {
                    await stream.WriteAsync(chunk.Bytes.AsMemory(0, chunk.Length), ct).ConfigureAwait(false);
                    Release(inFlight.Dequeue());
                }
            }
        }
        finally
        {
            // A failed socket loses what was taken for it: NATS core delivery is at most once.
            while (inFlight.TryDequeue(out var chunk))
            {
                Release(chunk);
            }
        }
    }

    private bool TryWritePublish(string subject, string? replyTo, NatsHeaders? headers, int headerBytes, ReadOnlySpan<byte> payload, int length)
    {
        bool wake;
        lock (gate)
        {
            if (!HasRoomFor(length))
            {
                return false;
            }

            // The chunk's length advances only after the encoder succeeded, so a failure leaves no half command.
            var chunk = ReserveChunk(length);
            CommandEncoder.WritePublish(chunk.Bytes.AsSpan(chunk.Length, length), subject, replyTo, headers, headerBytes, payload);
            chunk.Length += length;
            pendingBytes += length;
            wake = TakeWriterWaiting();
        }

        WakeWriter(wake);
        return true;
    }

    private async ValueTask WaitAndPublishAsync(
        string subject, string? replyTo, NatsHeaders? headers, int headerBytes, ReadOnlyMemory<byte> payload, int length, CancellationToken ct)
    {
        while (true)
        {
            Task space;
            lock (gate)
            {
                space = connected && closedError is null && pendingBytes >= bufferLimit
                    ? (spaceAvailable ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task
                    : Task.CompletedTask;
            }

            await space.WaitAsync(ct).ConfigureAwait(false);
            if (TryWritePublish(subject, replyTo, headers, headerBytes, payload.Span, length))
            {
                return;
            }
        }
    }

    /// <summary>Connected: room while below the limit (a large message may overshoot once). Disconnected: the limit is hard.</summary>
    private bool HasRoomFor(int length)
    {
        if (closedError is not null)
        {
            throw closedError();
        }

        if (connected)
        {
            return pendingBytes < bufferLimit;
        }

        return pendingBytes + length <= bufferLimit
            ? true
            : throw new NatsReconnectBufferFullException(
                $"Not connected to nats-server and the reconnect buffer holds {pendingBytes} of {bufferLimit} bytes; a {length}-byte publish does not fit.");
    }

    private void QueuePing(TaskCompletionSource? waiter)
    {
        bool wake;
        lock (gate)
        {
            if (closedError is not null)
            {
                throw closedError();
            }

            CommandEncoder.Ping.CopyTo(Reserve(CommandEncoder.Ping.Length));
            queuedPings++;
            pongWaiters.Enqueue(waiter);
            wake = TakeWriterWaiting();
        }

        WakeWriter(wake);
    }

    private Span<byte> Reserve(int length)
    {
        var chunk = ReserveChunk(length);
        var span = chunk.Bytes.AsSpan(chunk.Length, length);
        chunk.Length += length;
        pendingBytes += length;
        return span;
    }

    private Chunk ReserveChunk(int length)
    {
        if (current is null || current.Bytes.Length - current.Length < length)
        {
            current = new Chunk(ArrayPool<byte>.Shared.Rent(Math.Max(length, ChunkSize)));
            queued.Add(current);
        }

        return current;
    }

    private void AppendPriority(ReadOnlySpan<byte> command)
    {
        if (priorityLength + command.Length > priority.Length)
        {
            Array.Resize(ref priority, Math.Max(priority.Length * 2, priorityLength + command.Length));
        }

        command.CopyTo(priority.AsSpan(priorityLength));
        priorityLength += command.Length;
    }

    private void Release(Chunk chunk)
    {
        TaskCompletionSource? space;
        lock (gate)
        {
            pendingBytes -= chunk.Length;
            space = pendingBytes < bufferLimit ? TakeSpaceWaiters() : null;
        }

        ArrayPool<byte>.Shared.Return(chunk.Bytes);
        space?.TrySetResult();
    }

    private TaskCompletionSource? TakeSpaceWaiters()
    {
        var space = spaceAvailable;
        spaceAvailable = null;
        return space;
    }

    private bool TakeWriterWaiting()
    {
        var wasWaiting = writerWaiting;
        writerWaiting = false;
        return wasWaiting;
    }

    private void WakeWriter(bool wake)
    {
        if (wake)
        {
            writerSignal.Release();
        }
    }

    private sealed class Chunk(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;

        public int Length { get; set; }
    }
}
