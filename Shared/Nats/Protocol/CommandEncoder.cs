using System.Buffers.Text;
using System.Text;

namespace Shop.Nats.Protocol;

/// <summary>Formats client commands into byte spans whose exact length is computed first.</summary>
internal static class CommandEncoder
{
    public static readonly byte[] Ping = "PING\r\n"u8.ToArray();
    public static readonly byte[] Pong = "PONG\r\n"u8.ToArray();

    /// <summary>Length of <c>PUB subj [reply] n␍␊payload␍␊</c> or <c>HPUB subj [reply] h n␍␊headers payload␍␊</c>.</summary>
    public static int GetPublishLength(int subjectBytes, int replyBytes, int headerBytes, int payloadBytes, bool hasHeaders)
    {
        var total = headerBytes + payloadBytes;
        var line = (hasHeaders ? 5 : 4) + subjectBytes + 1
            + (replyBytes > 0 ? replyBytes + 1 : 0)
            + (hasHeaders ? CountDigits(headerBytes) + 1 : 0)
            + CountDigits(total) + 2;
        return line + total + 2;
    }

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
    public static byte[] Subscribe(string subject, string? queueGroup, long sid) =>
        Encoding.UTF8.GetBytes(queueGroup is null
            ? FormattableString.Invariant($"SUB {subject} {sid}\r\n")
            : FormattableString.Invariant($"SUB {subject} {queueGroup} {sid}\r\n"));

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
