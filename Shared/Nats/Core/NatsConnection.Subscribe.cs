using Shop.Nats.Protocol;

namespace Shop.Nats;

public sealed partial class NatsConnection
{
    // -ERRs that answer a SUB; PingAsync after the SUB tells whether one arrived for it.
    private long subscribeErrorCount;
    private string? lastSubscribeError;

    /// <summary>
    /// Messages on a subject (wildcards allowed) as an async stream. The SUB is sent when enumeration starts;
    /// the stream ends when <paramref name="ct"/> is cancelled or the connection is disposed.
    /// </summary>
    public async IAsyncEnumerable<NatsMsg> SubscribeAsync(
        string subject,
        string? queueGroup = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var sub = await SubscribeCoreAsync(subject, queueGroup, ct).ConfigureAwait(false);
        await using (sub.ConfigureAwait(false))
        {
            using var unsubscribeOnCancel = ct.Register(() => _ = sub.UnsubscribeAsync());
            await foreach (var msg in sub.Msgs.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return msg;
            }
        }
    }

    /// <summary>
    /// Subscribes and waits until the server has handled the SUB, so a publish made after this returns is
    /// delivered. A subject the server rejects (<c>-ERR 'Invalid Subject'</c>, a permissions violation)
    /// throws <see cref="NatsServerErrorException"/>.
    /// </summary>
    public async ValueTask<INatsSub> SubscribeCoreAsync(string subject, string? queueGroup = null, CancellationToken ct = default)
    {
        SubjectValidator.ValidateToken(subject, nameof(subject));
        if (queueGroup is not null)
        {
            SubjectValidator.ValidateToken(queueGroup, nameof(queueGroup));
        }

        await EnsureConnectedAsync(ct).ConfigureAwait(false);
        var sub = new NatsSub(this, subject, queueGroup, Opts.SubPendingChannelCapacity);
        await AddSubscriptionAsync(sub, confirm: true, ct).ConfigureAwait(false);
        return sub;
    }

    /// <summary>Registers a subscription; with <paramref name="confirm"/>, waits for the server and surfaces a rejection.</summary>
    internal async ValueTask AddSubscriptionAsync(NatsSubBase sub, bool confirm, CancellationToken ct)
    {
        await EnsureConnectedAsync(ct).ConfigureAwait(false);
        var errorsBefore = Interlocked.Read(ref subscribeErrorCount);
        RegisterSubscription(sub);
        if (!confirm || state != NatsConnectionState.Open)
        {
            return;
        }

        try
        {
            await writer.PingAsync().WaitAsync(ct).ConfigureAwait(false);
        }
        catch (NatsException)
        {
            // The socket dropped before the PONG: the SUB is replayed on reconnect.
            return;
        }
        catch (OperationCanceledException)
        {
            RemoveSubscription(sub);
            throw;
        }

        if (Interlocked.Read(ref subscribeErrorCount) != errorsBefore && lastSubscribeError is { } error && Rejects(error, sub.Subject))
        {
            RemoveSubscription(sub);
            var exception = new NatsServerErrorException(error);
            sub.OnClosed(exception);
            throw exception;
        }
    }

    /// <summary>Adds to the table before queueing the SUB, so a reconnect in between replays it.</summary>
    internal void RegisterSubscription(NatsSubBase sub)
    {
        subscriptions[sub.Sid] = sub;
        writer.WriteIfConnected(sub.SubscribeCommand);
    }

    internal void RemoveSubscription(NatsSubBase sub)
    {
        if (subscriptions.TryRemove(sub.Sid, out _))
        {
            writer.WriteIfConnected(CommandEncoder.Unsubscribe(sub.Sid));
        }
    }

    private static bool IsSubscribeError(string error) =>
        error.Contains("invalid subject", StringComparison.OrdinalIgnoreCase)
        || error.Contains("permissions violation for subscription", StringComparison.OrdinalIgnoreCase)
        || error.Contains("maximum subscriptions exceeded", StringComparison.OrdinalIgnoreCase);

    private static bool Rejects(string error, string subject) =>
        !error.Contains("permissions violation", StringComparison.OrdinalIgnoreCase) || error.Contains(subject, StringComparison.Ordinal);
}
