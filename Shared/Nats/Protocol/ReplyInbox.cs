using System.Buffers.Text;
using System.Collections.Concurrent;

namespace Shop.Nats.Protocol;

/// <summary>
/// Request/reply over one wildcard subscription <c>_INBOX.&lt;nuid&gt;.*</c>: each request gets a numeric
/// last token, and the reply is routed to its waiting task by that token. A 503 status reply means no responders.
/// </summary>
internal sealed class ReplyInbox : NatsSubBase
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<NatsMsg>> waiting = new();
    private readonly string prefix;
    private readonly int prefixLength;
    private long lastId;

    public ReplyInbox(NatsConnection connection, string inbox)
        : base(connection, inbox + ".*", queueGroup: null)
    {
        prefix = inbox + ".";
        prefixLength = System.Text.Encoding.UTF8.GetByteCount(prefix);
    }

    /// <summary>A reply subject and the task its reply completes; call <see cref="Forget"/> when done waiting.</summary>
    public (long Id, string ReplyTo, Task<NatsMsg> Reply) Register()
    {
        var id = Interlocked.Increment(ref lastId);
        var reply = new TaskCompletionSource<NatsMsg>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting[id] = reply;
        return (id, prefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Task);
    }

    public void Forget(long id) => waiting.TryRemove(id, out _);

    public override void Deliver(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> replyTo, ReadOnlySpan<byte> headers, ReadOnlySpan<byte> payload)
    {
        if (subject.Length <= prefixLength
            || !Utf8Parser.TryParse(subject[prefixLength..], out long id, out var consumed)
            || consumed != subject.Length - prefixLength
            || !waiting.TryRemove(id, out var reply))
        {
            return;
        }

        var msg = ToMsg(subject, replyTo, headers, payload);
        if (msg.HasNoResponders)
        {
            reply.TrySetException(new NatsNoRespondersException());
        }
        else
        {
            reply.TrySetResult(msg);
        }
    }

    public override void OnClosed(Exception? error)
    {
        foreach (var id in waiting.Keys)
        {
            if (waiting.TryRemove(id, out var reply))
            {
                reply.TrySetException(error ?? new NatsException("The connection was closed before the reply arrived."));
            }
        }
    }
}
