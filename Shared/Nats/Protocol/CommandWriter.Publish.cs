using System.Text;

namespace Shop.Nats.Protocol;

/// <summary>Publishing: the line-length check, the buffer limit (wait while connected, refuse while disconnected).</summary>
internal sealed partial class CommandWriter
{
    /// <summary>
    /// Queues a publish. Completes at once unless the buffer is full while connected (then it waits for the socket).
    /// A line the server would refuse (over 4096 bytes) throws before anything is queued.
    /// </summary>
    public ValueTask PublishAsync(string subject, string? replyTo, NatsHeaders? headers, int headerBytes, ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        var line = CommandEncoder.GetPublishLineLength(
            Encoding.UTF8.GetByteCount(subject),
            replyTo is null ? 0 : Encoding.UTF8.GetByteCount(replyTo),
            headerBytes,
            payload.Length,
            headers is not null);
        if (line > CommandEncoder.MaxControlLineLength)
        {
            throw new ArgumentException($"The subject and reply subject make a publish line over the server's limit of {CommandEncoder.MaxControlLineLength} bytes.", nameof(subject));
        }

        var length = line + headerBytes + payload.Length + 2;
        return TryWritePublish(subject, replyTo, headers, headerBytes, payload.Span, length)
            ? ValueTask.CompletedTask
            : WaitAndPublishAsync(subject, replyTo, headers, headerBytes, payload, length, ct);
    }

    private bool TryWritePublish(string subject, string? replyTo, NatsHeaders? headers, int headerBytes, ReadOnlySpan<byte> payload, int length)
    {
        Dispatch dispatch;
        lock (gate)
        {
            if (!HasRoomFor(length))
            {
                return false;
            }

            // Committed only after the encoder succeeded, so a failure leaves no half command behind.
            CommandEncoder.WritePublish(queue.GetSpan(length), subject, replyTo, headers, headerBytes, payload);
            queue.Advance(length);
            dispatch = ClaimWriter();
        }

        Run(dispatch);
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
                space = role != WriterRole.Detached && closedError is null && queue.PendingBytes >= bufferLimit
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
        ThrowIfClosed();
        if (role != WriterRole.Detached)
        {
            return queue.PendingBytes < bufferLimit;
        }

        return queue.PendingBytes + length <= bufferLimit
            ? true
            : throw new NatsReconnectBufferFullException(
                $"Not connected to nats-server and the reconnect buffer holds {queue.PendingBytes} of {bufferLimit} bytes; a {length}-byte publish does not fit.");
    }

    private void ReleaseChunk(CommandQueue.Chunk chunk)
    {
        TaskCompletionSource? space;
        lock (gate)
        {
            queue.Release(chunk);
            space = queue.PendingBytes < bufferLimit ? TakeSpaceWaiters() : null;
        }

        space?.TrySetResult();
    }

    private TaskCompletionSource? TakeSpaceWaiters()
    {
        var space = spaceAvailable;
        spaceAvailable = null;
        return space;
    }
}
