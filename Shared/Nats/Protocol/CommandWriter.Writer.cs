using System.Diagnostics;
using System.Net.Sockets;

namespace Shop.Nats.Protocol;

/// <summary>Who writes: the socket's writer loop, or (when it is parked and the socket quiet) the enqueuing caller.</summary>
internal sealed partial class CommandWriter
{
    /// <summary>The writer loop of one socket (on its own thread): writes while there is something to write, parks otherwise.</summary>
    public void RunWriter(Socket connected, CancellationToken ct)
    {
        var batch = new WriteBatch();
        try
        {
            while (true)
            {
                bool park;
                lock (gate)
                {
                    if (closedError is not null)
                    {
                        return;
                    }

                    // A stale or spurious signal leaves the role with someone else: park again.
                    park = role != WriterRole.Loop || !TakeInto(batch);
                    if (park && role == WriterRole.Loop)
                    {
                        role = WriterRole.Parked;
                        quietSince = Stopwatch.GetTimestamp();
                    }
                }

                if (park)
                {
                    loopSignal.Wait(ct);
                    continue;
                }

                batch.Send(connected, releaseChunk);
            }
        }
        finally
        {
            batch.Drop(releaseChunk);
        }
    }

    /// <summary>Under the lock, after enqueueing: who writes it. Only a parked writer needs anyone to act.</summary>
    private Dispatch ClaimWriter(bool mayWriteInline = true)
    {
        if (role != WriterRole.Parked)
        {
            return default;
        }

        if (mayWriteInline && socket is not null && Stopwatch.GetTimestamp() - quietSince >= QuietTicks)
        {
            role = WriterRole.Inline;
            var batch = new WriteBatch();
            TakeInto(batch);
            return new Dispatch(batch, socket, generation);
        }

        role = WriterRole.Loop;
        return new Dispatch(null, null, 0, WakeLoop: true);
    }

    private void Run(Dispatch dispatch)
    {
        if (dispatch.WakeLoop)
        {
            loopSignal.Release();
        }
        else if (dispatch.Batch is not null)
        {
            SendInline(dispatch.Batch, dispatch.Socket!, dispatch.Generation);
        }
    }

    private void SendInline(WriteBatch batch, Socket target, int claimedGeneration)
    {
        try
        {
            batch.Send(target, releaseChunk);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            batch.Drop(releaseChunk);
            Action<Exception>? failed;
            lock (gate)
            {
                failed = claimedGeneration == generation ? onSendFailed : null;
            }

            failed?.Invoke(exception);
            return;
        }

        bool wakeLoop;
        lock (gate)
        {
            if (claimedGeneration != generation)
            {
                return;
            }

            // More arrived while we wrote: hand it to the loop rather than keep this caller busy.
            quietSince = Stopwatch.GetTimestamp();
            wakeLoop = !queue.IsEmpty;
            role = wakeLoop ? WriterRole.Loop : WriterRole.Parked;
        }

        if (wakeLoop)
        {
            loopSignal.Release();
        }
    }

    /// <summary>Moves everything queued into the batch; false when there was nothing.</summary>
    private bool TakeInto(WriteBatch batch)
    {
        queue.TakeAll(batch);
        pings.AllTaken();
        return !batch.IsEmpty;
    }

    /// <summary>What a caller does after releasing the lock: nothing, wake the loop, or send a batch itself.</summary>
    private readonly record struct Dispatch(WriteBatch? Batch, Socket? Socket, int Generation, bool WakeLoop = false);
}
