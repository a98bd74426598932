using System.Text.Json;
using System.Threading.Channels;
using Shop.Nats.Protocol;

namespace Shop.Nats;

internal enum PullEventKind
{
    Message,
    Reconnected,
    IdleTimeout,
    Completed,
}

internal readonly record struct PullEvent(PullEventKind Kind, NatsMsg Msg = default);

/// <summary>
/// The inbox of one fetch or consume loop: its own sid, because pull deliveries carry the stream subject,
/// not the inbox, so the shared request inbox could not route them. It sends the pull requests too.
/// The channel needs no bound: the loop never asks for more than it is willing to hold.
/// </summary>
internal sealed class PullInbox : NatsSubBase, IAsyncDisposable
{
    private readonly Channel<PullEvent> events = Channel.CreateUnbounded<PullEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string requestSubject;

    private PullInbox(NatsJSContext context, string stream, string consumer)
        : base(context.Connection, context.Connection.NewInbox(), queueGroup: null)
    {
        requestSubject = context.ApiSubject($"CONSUMER.MSG.NEXT.{stream}.{consumer}");
    }

    public static async ValueTask<PullInbox> OpenAsync(NatsJSContext context, string stream, string consumer, CancellationToken ct)
    {
        var inbox = new PullInbox(context, stream, consumer);
        await context.Connection.AddSubscriptionAsync(inbox, confirm: false, ct).ConfigureAwait(false);
        return inbox;
    }

    /// <summary>Asks for up to <paramref name="batch"/> messages; false when the request could not be queued (connection down, buffer full).</summary>
    public async ValueTask<bool> RequestAsync(int batch, TimeSpan expires, TimeSpan heartbeat, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new PullRequest { Batch = batch, Expires = expires, IdleHeartbeat = heartbeat },
            NatsJsonContext.Default.PullRequest);
        try
        {
            await Connection.PublishAsync(requestSubject, body, replyTo: Subject, ct: ct).ConfigureAwait(false);
            return true;
        }
        catch (NatsReconnectBufferFullException)
        {
            return false;
        }
    }

    /// <summary>The next event; <see cref="PullEventKind.IdleTimeout"/> when nothing came for <paramref name="idleTimeout"/>, Completed on close or cancel.</summary>
    public async ValueTask<PullEvent> ReadAsync(TimeSpan idleTimeout, CancellationToken ct)
    {
        if (events.Reader.TryRead(out var ready))
        {
            return ready;
        }

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(idleTimeout);
        try
        {
            while (await events.Reader.WaitToReadAsync(idle.Token).ConfigureAwait(false))
            {
                if (events.Reader.TryRead(out var next))
                {
                    return next;
                }
            }

            return new PullEvent(PullEventKind.Completed);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new PullEvent(PullEventKind.IdleTimeout);
        }
        catch (OperationCanceledException)
        {
            return new PullEvent(PullEventKind.Completed);
        }
    }

    public override void Deliver(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> replyTo, ReadOnlySpan<byte> headers, ReadOnlySpan<byte> payload) =>
        events.Writer.TryWrite(new PullEvent(PullEventKind.Message, ToMsg(subject, replyTo, headers, payload)));

    /// <summary>Pull requests do not survive a reconnect reliably: the loop starts over.</summary>
    public override void OnReconnected() => events.Writer.TryWrite(new PullEvent(PullEventKind.Reconnected));

    public override void OnClosed(Exception? error) => events.Writer.TryComplete(error);

    public ValueTask DisposeAsync()
    {
        Connection.RemoveSubscription(this);
        OnClosed(null);
        return ValueTask.CompletedTask;
    }
}
