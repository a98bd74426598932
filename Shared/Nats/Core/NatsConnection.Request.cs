using Shop.Nats.Protocol;

namespace Shop.Nats;

public sealed partial class NatsConnection
{
    private readonly Lock replyInboxGate = new();
    private volatile ReplyInbox? replyInbox;

    /// <summary>A new unique inbox subject (<c>_INBOX.&lt;nuid&gt;</c>).</summary>
    public string NewInbox() => $"{Opts.InboxPrefix}.{Nuid.Next()}";

    /// <summary>
    /// Publishes with a reply subject on the shared inbox and waits for the first reply.
    /// Throws <see cref="NatsNoRespondersException"/> at once when nobody listens, and
    /// <see cref="NatsNoReplyException"/> when no reply comes within the timeout (default NatsOpts.RequestTimeout).
    /// </summary>
    public async ValueTask<NatsMsg> RequestAsync(
        string subject,
        ReadOnlyMemory<byte> data,
        NatsHeaders? headers = null,
        TimeSpan? timeout = null,
        CancellationToken ct = default)
    {
        var inbox = await GetReplyInboxAsync(ct).ConfigureAwait(false);
        var (id, replyTo, reply) = inbox.Register();
        var limit = timeout ?? Opts.RequestTimeout;
        try
        {
            await PublishAsync(subject, data, headers, replyTo, ct).ConfigureAwait(false);
            return await reply.WaitAsync(limit, ct).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new NatsNoReplyException($"No reply on '{subject}' within {limit.TotalMilliseconds:0} ms.", exception);
        }
        finally
        {
            inbox.Forget(id);
        }
    }

    private async ValueTask<ReplyInbox> GetReplyInboxAsync(CancellationToken ct)
    {
        if (replyInbox is { } existing)
        {
            return existing;
        }

        await EnsureConnectedAsync(ct).ConfigureAwait(false);
        lock (replyInboxGate)
        {
            // Published only once its SUB is queued: the server handles that SUB before any request sent after it.
            if (replyInbox is null)
            {
                var created = new ReplyInbox(this, NewInbox());
                RegisterSubscription(created);
                replyInbox = created;
            }

            return replyInbox;
        }
    }
}
