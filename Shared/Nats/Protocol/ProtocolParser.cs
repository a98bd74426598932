using System.Buffers.Text;
using System.Text;

namespace Shop.Nats.Protocol;

/// <summary>
/// Parses server frames (MSG, HMSG, PING, PONG, INFO, +OK, -ERR) from the start of a buffer. A frame is
/// consumed only when it is complete, so the caller keeps the rest and calls again with more bytes.
/// Op names are case-insensitive and arguments may be separated by runs of spaces or tabs.
/// </summary>
internal static class ProtocolParser
{
    /// <summary>
    /// The longest line accepted from the server. The server limits what clients send to 4096 bytes, but its own
    /// INFO can be longer (cluster URLs); this bound only stops a garbage stream from growing the buffer forever.
    /// </summary>
    public const int MaxControlLineLength = 64 * 1024;

    private const int MaxArguments = 5;

    /// <summary>Parses every complete frame; returns the bytes consumed.</summary>
    /// <param name="requiredLength">When a frame is incomplete: how many bytes (from the unconsumed start) it needs at least.</param>
    public static int ParseAll(ReadOnlySpan<byte> buffer, IProtocolHandler handler, out int requiredLength)
    {
        var consumed = 0;
        while (TryParseFrame(buffer[consumed..], handler, out var frameLength, out requiredLength))
        {
            consumed += frameLength;
        }

        return consumed;
    }

    /// <summary>Parses one frame if the buffer starts with a complete one.</summary>
    public static bool TryParseFrame(ReadOnlySpan<byte> buffer, IProtocolHandler handler, out int frameLength, out int requiredLength)
    {
        frameLength = 0;
        var newLine = buffer.IndexOf((byte)'\n');
        if (newLine < 0)
        {
            if (buffer.Length > MaxControlLineLength)
            {
                throw new NatsProtocolException($"Control line longer than {MaxControlLineLength} bytes.");
            }

            requiredLength = buffer.Length + 1;
            return false;
        }

        requiredLength = 0;
        var line = buffer[..newLine];
        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }

        var bodyStart = newLine + 1;
        switch (line.IsEmpty ? 0 : line[0] | 0x20)
        {
            case 'm' when StartsWithOp(line, "msg"u8):
                return TryParseMessage(buffer, line[3..], bodyStart, hasHeaders: false, handler, out frameLength, out requiredLength);
            case 'h' when StartsWithOp(line, "hmsg"u8):
                return TryParseMessage(buffer, line[4..], bodyStart, hasHeaders: true, handler, out frameLength, out requiredLength);
            case 'p' when StartsWithOp(line, "ping"u8):
                handler.OnPing();
                break;
            case 'p' when StartsWithOp(line, "pong"u8):
                handler.OnPong();
                break;
            case 'i' when StartsWithOp(line, "info"u8):
                handler.OnInfo(line[4..].Trim(" \t"u8));
                break;
            case '+' when StartsWithOp(line, "+ok"u8):
                break;
            case '-' when StartsWithOp(line, "-err"u8):
                handler.OnError(Encoding.UTF8.GetString(line[4..].Trim(" \t"u8).Trim((byte)'\'')));
                break;
            default:
                throw new NatsProtocolException($"Unknown server operation: '{Encoding.UTF8.GetString(line[..Math.Min(line.Length, 64)])}'.");
        }

        frameLength = bodyStart;
        return true;
    }

    /// <summary>MSG: <c>subject sid [reply] size</c>; HMSG: <c>subject sid [reply] headerSize totalSize</c>.</summary>
    private static bool TryParseMessage(
        ReadOnlySpan<byte> buffer,
        ReadOnlySpan<byte> arguments,
        int bodyStart,
        bool hasHeaders,
        IProtocolHandler handler,
        out int frameLength,
        out int requiredLength)
    {
        Span<Range> ranges = stackalloc Range[MaxArguments + 1];
        var count = Split(arguments, ranges);
        var sizeCount = hasHeaders ? 2 : 1;
        if (count != sizeCount + 2 && count != sizeCount + 3)
        {
            throw new NatsProtocolException($"Malformed {(hasHeaders ? "HMSG" : "MSG")} line: '{Encoding.UTF8.GetString(arguments)}'.");
        }

        var totalSize = ParseNumber(arguments[ranges[count - 1]]);
        var headerSize = hasHeaders ? ParseNumber(arguments[ranges[count - 2]]) : 0;
        if (headerSize > totalSize)
        {
            throw new NatsProtocolException("HMSG header size exceeds its total size.");
        }

        frameLength = bodyStart + totalSize + 2;
        if (buffer.Length < frameLength)
        {
            requiredLength = frameLength;
            return false;
        }

        requiredLength = 0;
        if (buffer[bodyStart + totalSize] != '\r' || buffer[bodyStart + totalSize + 1] != '\n')
        {
            throw new NatsProtocolException("Message body is not followed by CRLF.");
        }

        var body = buffer.Slice(bodyStart, totalSize);
        var replyTo = count == sizeCount + 3 ? arguments[ranges[2]] : [];
        handler.OnMessage(arguments[ranges[0]], ParseSid(arguments[ranges[1]]), replyTo, body[..headerSize], body[headerSize..]);
        return true;
    }

    private static bool StartsWithOp(ReadOnlySpan<byte> line, ReadOnlySpan<byte> op)
    {
        if (line.Length < op.Length)
        {
            return false;
        }

        for (var i = 0; i < op.Length; i++)
        {
            if ((line[i] | 0x20) != op[i])
            {
                return false;
            }
        }

        return line.Length == op.Length || line[op.Length] is (byte)' ' or (byte)'\t';
    }

    /// <summary>Splits on runs of spaces and tabs; returns the count (more than the ranges can hold counts as too many).</summary>
    private static int Split(ReadOnlySpan<byte> arguments, Span<Range> ranges)
    {
        var count = 0;
        var position = 0;
        while (position < arguments.Length)
        {
            var start = position + (arguments[position..].IndexOfAnyExcept(" \t"u8) is var skip and >= 0 ? skip : arguments.Length - position);
            if (start >= arguments.Length)
            {
                break;
            }

            var end = arguments[start..].IndexOfAny(" \t"u8) is var length and >= 0 ? start + length : arguments.Length;
            if (count == ranges.Length)
            {
                return count + 1;
            }

            ranges[count++] = new Range(start, end);
            position = end;
        }

        return count;
    }

    private static int ParseNumber(ReadOnlySpan<byte> text) =>
        Utf8Parser.TryParse(text, out int value, out var consumed) && consumed == text.Length && value >= 0
            ? value
            : throw new NatsProtocolException($"Expected a size, got '{Encoding.UTF8.GetString(text)}'.");

    private static long ParseSid(ReadOnlySpan<byte> text) =>
        Utf8Parser.TryParse(text, out long value, out var consumed) && consumed == text.Length
            ? value
            : throw new NatsProtocolException($"Expected a numeric sid, got '{Encoding.UTF8.GetString(text)}'.");
}
