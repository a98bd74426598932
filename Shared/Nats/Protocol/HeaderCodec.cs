using System.Buffers.Text;
using System.Text;

namespace Shop.Nats.Protocol;

/// <summary>
/// The header block of HPUB/HMSG: <c>NATS/1.0[ code[ description]]␍␊</c>, one <c>Name: value␍␊</c> line per value,
/// then an empty line. Names keep their spelling on the wire (the server matches <c>Nats-*</c> case-sensitively).
/// </summary>
internal static class HeaderCodec
{
    private static readonly byte[] Version = "NATS/1.0"u8.ToArray();
    private static readonly byte[] Separator = ": "u8.ToArray();
    private static readonly byte[] NewLine = "\r\n"u8.ToArray();

    /// <summary>The encoded size of the block, validating names and values on the way.</summary>
    public static int GetEncodedLength(NatsHeaders headers)
    {
        var length = Version.Length + NewLine.Length + NewLine.Length;
        foreach (var (name, values) in headers)
        {
            ValidateName(name);
            var nameLength = Encoding.UTF8.GetByteCount(name);
            foreach (var value in values)
            {
                var text = value ?? string.Empty;
                if (text.AsSpan().IndexOfAny('\r', '\n') >= 0)
                {
                    throw new ArgumentException($"The value of header '{name}' contains CR or LF.", nameof(headers));
                }

                length += nameLength + Separator.Length + Encoding.UTF8.GetByteCount(text) + NewLine.Length;
            }
        }

        return length;
    }

    /// <summary>Writes the block into a span of exactly <see cref="GetEncodedLength"/> bytes.</summary>
    public static void Write(NatsHeaders headers, Span<byte> destination)
    {
        var position = Append(destination, 0, Version);
        position = Append(destination, position, NewLine);
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                position += Encoding.UTF8.GetBytes(name, destination[position..]);
                position = Append(destination, position, Separator);
                position += Encoding.UTF8.GetBytes(value ?? string.Empty, destination[position..]);
                position = Append(destination, position, NewLine);
            }
        }

        Append(destination, position, NewLine);
    }

    public static NatsHeaders Parse(ReadOnlySpan<byte> block)
    {
        var lineEnd = block.IndexOf(NewLine);
        var statusLine = lineEnd < 0 ? block : block[..lineEnd];
        if (!statusLine.StartsWith(Version))
        {
            throw new NatsProtocolException($"Header block does not start with NATS/1.0: '{Encoding.UTF8.GetString(statusLine)}'.");
        }

        var (code, message) = ParseStatus(statusLine[Version.Length..]);
        var headers = new NatsHeaders { Code = code, Message = message };
        var rest = lineEnd < 0 ? [] : block[(lineEnd + NewLine.Length)..];
        while (!rest.IsEmpty)
        {
            lineEnd = rest.IndexOf(NewLine);
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            rest = lineEnd < 0 ? [] : rest[(lineEnd + NewLine.Length)..];
            var colon = line.IndexOf((byte)':');
            if (colon > 0)
            {
                headers.Append(Encoding.UTF8.GetString(line[..colon].Trim((byte)' ')), Encoding.UTF8.GetString(line[(colon + 1)..].Trim(" \t"u8)));
            }
        }

        return headers;
    }

    private static (int Code, string? Message) ParseStatus(ReadOnlySpan<byte> status)
    {
        status = status.Trim(" \t"u8);
        if (status.Length < 3 || !Utf8Parser.TryParse(status[..3], out int code, out _))
        {
            return (0, null);
        }

        var description = status[3..].Trim(" \t"u8);
        return (code, description.IsEmpty ? null : Encoding.UTF8.GetString(description));
    }

    private static void ValidateName(string name)
    {
        foreach (var c in name)
        {
            if (c <= ' ' || c == ':' || c > '~')
            {
                throw new ArgumentException($"'{name}' is not a valid header name: printable ASCII without ':' or spaces.", nameof(name));
            }
        }

        if (name.Length == 0)
        {
            throw new ArgumentException("A header name must not be empty.", nameof(name));
        }
    }

    private static int Append(Span<byte> destination, int position, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[position..]);
        return position + bytes.Length;
    }
}
