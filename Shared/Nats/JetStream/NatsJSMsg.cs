using System.Buffers.Text;

namespace Shop.Nats;

/// <summary>A JetStream delivery. Acks are plain publishes to its reply subject, so they work after a reconnect too.</summary>
public readonly struct NatsJSMsg
{
    private static readonly byte[] Ack = "+ACK"u8.ToArray();
    private static readonly byte[] Nak = "-NAK"u8.ToArray();
    private static readonly byte[] Progress = "+WPI"u8.ToArray();

    // 2.9 recognises only the bare word; "+TERM <reason>" (2.11+) would be ignored.
    private static readonly byte[] Terminate = "+TERM"u8.ToArray();

    private readonly NatsMsg msg;

    internal NatsJSMsg(NatsMsg msg)
    {
        this.msg = msg;
        Metadata = NatsJSMsgMetadata.Parse(msg.ReplyTo);
    }

    public string Subject => msg.Subject;

    public ReadOnlyMemory<byte> Data => msg.Data;

    public NatsHeaders? Headers => msg.Headers;

    public string? ReplyTo => msg.ReplyTo;

    public NatsJSMsgMetadata? Metadata { get; }

    public NatsConnection? Connection => msg.Connection;

    /// <summary>Done: the message will not be delivered again.</summary>
    public ValueTask AckAsync(AckOpts? opts = null, CancellationToken ct = default) => SendAckAsync(Ack, opts, ct);

    /// <summary>Failed: deliver again, at once or after <paramref name="delay"/>.</summary>
    public ValueTask NakAsync(TimeSpan delay = default, AckOpts? opts = null, CancellationToken ct = default) =>
        SendAckAsync(delay > TimeSpan.Zero ? NakWithDelay(delay) : Nak, opts, ct);

    /// <summary>Still working: restarts the ack_wait timer.</summary>
    public ValueTask AckProgressAsync(AckOpts? opts = null, CancellationToken ct = default) => SendAckAsync(Progress, opts, ct);

    /// <summary>Never deliver again, whatever max_deliver says.</summary>
    public ValueTask AckTerminateAsync(AckOpts? opts = null, CancellationToken ct = default) => SendAckAsync(Terminate, opts, ct);

    /// <summary><c>-NAK {"delay":&lt;ns&gt;}</c>.</summary>
    private static byte[] NakWithDelay(TimeSpan delay)
    {
        Span<byte> nanoseconds = stackalloc byte[20];
        Utf8Formatter.TryFormat(delay.Ticks * 100, nanoseconds, out var written);
        return [.. "-NAK {\"delay\":"u8, .. nanoseconds[..written], .. "}"u8];
    }

    private async ValueTask SendAckAsync(byte[] payload, AckOpts? opts, CancellationToken ct)
    {
        if (msg.ReplyTo is null || msg.Connection is null || Metadata is null)
        {
            throw new InvalidOperationException("This is not a JetStream delivery: it has no $JS.ACK reply subject.");
        }

        if (opts?.DoubleAck == true)
        {
            await msg.Connection.RequestAsync(msg.ReplyTo, payload, ct: ct).ConfigureAwait(false);
        }
        else
        {
            await msg.Connection.PublishAsync(msg.ReplyTo, payload, ct: ct).ConfigureAwait(false);
        }
    }
}
