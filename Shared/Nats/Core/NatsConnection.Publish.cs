using System.Diagnostics;
using Shop.Nats.Protocol;

namespace Shop.Nats;

public sealed partial class NatsConnection
{
    private const int DefaultMaxPayload = 1024 * 1024;

    // Most callers publish to the same few subjects: skip re-validating the one seen last (same string instance).
    private string? lastValidSubject;

    /// <summary>
    /// Queues a message. It completes as soon as the message is buffered, not when the server has it
    /// (use <see cref="PingAsync"/> to flush). Headers count toward max_payload; a message over it throws
    /// <see cref="NatsPayloadTooLargeException"/> before anything is written. While disconnected the message
    /// waits in the bounded reconnect buffer, or throws <see cref="NatsReconnectBufferFullException"/> when that is full.
    /// </summary>
    public ValueTask PublishAsync(
        string subject,
        ReadOnlyMemory<byte> data = default,
        NatsHeaders? headers = null,
        string? replyTo = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!ReferenceEquals(subject, lastValidSubject))
        {
            SubjectValidator.ValidatePublish(subject);
            lastValidSubject = subject;
        }

        if (replyTo is not null)
        {
            SubjectValidator.ValidateToken(replyTo, nameof(replyTo));
        }

        var headerBytes = headers is null ? 0 : HeaderCodec.GetEncodedLength(headers);
        if (supervisor is null)
        {
            return ConnectAndPublishAsync(subject, data, headers, replyTo, ct);
        }

        var maxPayload = ServerInfo?.MaxPayload ?? DefaultMaxPayload;
        if (headerBytes + data.Length > maxPayload)
        {
            throw new NatsPayloadTooLargeException(
                $"A message of {data.Length} payload bytes and {headerBytes} header bytes exceeds the server's max_payload of {maxPayload} bytes.");
        }

        return writer.PublishAsync(subject, replyTo, headers, headerBytes, data, ct);
    }

    /// <summary>A PING/PONG round trip: once it returns, the server has handled everything sent before it.</summary>
    public async ValueTask<TimeSpan> PingAsync(CancellationToken ct = default)
    {
        await EnsureConnectedAsync(ct).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        await writer.PingAsync().WaitAsync(ct).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started);
    }

    private async ValueTask ConnectAndPublishAsync(string subject, ReadOnlyMemory<byte> data, NatsHeaders? headers, string? replyTo, CancellationToken ct)
    {
        await ConnectAsync(ct).ConfigureAwait(false);
        await PublishAsync(subject, data, headers, replyTo, ct).ConfigureAwait(false);
    }
}
