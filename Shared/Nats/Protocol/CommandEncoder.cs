using System.Buffers.Text;
using System.Text;

namespace Shop.Nats.Protocol;

/// <summary>Formats client commands into byte spans whose exact length is computed first.</summary>
internal static class CommandEncoder
{
    /// <summary>nats-server 2.9 closes the connection on a control line over 4096 bytes, so longer ones are refused first.</summary>
    public const int MaxControlLineLength = 4096;

    public static readonly byte[] Ping = "PING\r\n"u8.ToArray();
    public static readonly byte[] Pong = "PONG\r\n"u8.ToArray();

    /// <summary>Length of the line <c>PUB subj [reply] n␍␊</c> or <c>HPUB subj [reply] h n␍␊</c>.</summary>
    public static int GetPublishLineLength(int subjectBytes, int replyBytes, int headerBytes, int payloadBytes, bool hasHeaders) =>
        (hasHeaders ? 5 : 4) + subjectBytes + 1
        + (replyBytes > 0 ? replyBytes + 1 : 0)
        + (hasHeaders ? CountDigits(headerBytes) + 1 : 0)
        + CountDigits(headerBytes + payloadBytes) + 2;

    public static void WritePublish(
        Span<byte> destination,
        string subject,
        string? replyTo,
        NatsHeaders? headers,
        int headerBytes,
        ReadOnlySpan<byte> payload)
    {
        var writer = new SpanWriter(destination);
        writer.Write(headers is null ? "PUB "u8 : "HPUB "u8);
        writer.WriteUtf8(subject);
        writer.Write(" "u8);
        if (replyTo is not null)
        {
            writer.WriteUtf8(replyTo);
            writer.Write(" "u8);
        }

        if (headers is not null)
        {
            writer.WriteNumber(headerBytes);
            writer.Write(" "u8);
        }

        writer.WriteNumber(headerBytes + payload.Length);
        writer.Write("\r\n"u8);
        if (headers is not null)
        {
            HeaderCodec.Write(headers, writer.Take(headerBytes));
        }

        writer.Write(payload);
        writer.Write("\r\n"u8);
    }

    /// <summary><c>SUB subj [queue] sid␍␊</c>.</summary>
    public static byte[] Subscribe(string subject, string? queueGroup, long sid)
    {
        var line = Encoding.UTF8.GetBytes(queueGroup is null
            ? FormattableString.Invariant($"SUB {subject} {sid}\r\n")
            : FormattableString.Invariant($"SUB {subject} {queueGroup} {sid}\r\n"));
        return line.Length <= MaxControlLineLength
            ? line
            : throw new ArgumentException($"The subject and queue group make a SUB line over the server's limit of {MaxControlLineLength} bytes.", nameof(subject));
    }

    /// <summary><c>UNSUB sid␍␊</c>.</summary>
    public static byte[] Unsubscribe(long sid) => Encoding.UTF8.GetBytes(FormattableString.Invariant($"UNSUB {sid}\r\n"));

    /// <summary><c>CONNECT {json}␍␊PING␍␊</c>: the PONG (or -ERR) that follows tells whether the server accepted us.</summary>
    public static byte[] ConnectAndPing(ConnectOptions options)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(options, NatsJsonContext.Default.ConnectOptions);
        return [.. "CONNECT "u8, .. json, .. "\r\n"u8, .. Ping];
    }

    private static int CountDigits(int value)
    {
        var digits = 1;
        for (; value >= 10; value /= 10)
        {
            digits++;
        }

        return digits;
    }

    private ref struct SpanWriter(Span<byte> destination)
    {
        private readonly Span<byte> destination = destination;
        private int position;

        public void Write(scoped ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(destination[position..]);
            position += bytes.Length;
        }

        public void WriteUtf8(string text) => position += Encoding.UTF8.GetBytes(text, destination[position..]);

        public void WriteNumber(int value)
        {
            Utf8Formatter.TryFormat(value, destination[position..], out var written);
            position += written;
        }

        public Span<byte> Take(int length)
        {
            var span = destination.Slice(position, length);
            position += length;
            return span;
        }
    }
}
