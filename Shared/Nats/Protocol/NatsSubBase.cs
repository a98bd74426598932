using System.Text;

namespace Shop.Nats.Protocol;

/// <summary>
/// A subscription as the read loop sees it: a sid, its SUB command (replayed after reconnects) and a
/// <see cref="Deliver"/> that copies what it keeps and never blocks.
/// </summary>
internal abstract class NatsSubBase
{
    private readonly byte[] subjectUtf8;

    protected NatsSubBase(NatsConnection connection, string subject, string? queueGroup)
    {
        Connection = connection;
        Subject = subject;
        QueueGroup = queueGroup;
        Sid = connection.NextSid();
        subjectUtf8 = Encoding.UTF8.GetBytes(subject);
        SubscribeCommand = CommandEncoder.Subscribe(subject, queueGroup, Sid);
    }

    public long Sid { get; }

    public string Subject { get; }

    public string? QueueGroup { get; }

    public byte[] SubscribeCommand { get; }

    protected NatsConnection Connection { get; }

    public abstract void Deliver(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> replyTo, ReadOnlySpan<byte> headers, ReadOnlySpan<byte> payload);

    /// <summary>The connection came back and the SUB was replayed.</summary>
    public virtual void OnReconnected()
    {
    }

    /// <summary>No more messages: unsubscribed (error null), refused by the server, or the connection closed.</summary>
    public abstract void OnClosed(Exception? error);

    /// <summary>Copies a delivery into a message; a literal subscription reuses its own subject string.</summary>
    protected NatsMsg ToMsg(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> replyTo, ReadOnlySpan<byte> headers, ReadOnlySpan<byte> payload) =>
        new(
            subject.SequenceEqual(subjectUtf8) ? Subject : Encoding.UTF8.GetString(subject),
            replyTo.IsEmpty ? null : Encoding.UTF8.GetString(replyTo),
            headers.IsEmpty ? null : HeaderCodec.Parse(headers),
            payload.IsEmpty ? ReadOnlyMemory<byte>.Empty : payload.ToArray(),
            Connection);
}
