using System.Globalization;
using System.Text;

namespace Shop.SystemTests.Hostile;

/// <summary>
/// One generated hostile request, exactly as it goes on the wire, with what must hold for it.
/// <see cref="MustRefuse"/>: the input is invalid by construction, so any 2xx is a failure.
/// <see cref="ExpectedStatus"/>: a status the contract fixes for this case (e.g. 404 for another user's order).
/// <see cref="ProtocolLevel"/>: Kestrel may refuse the bytes before any application code runs (a bare 400 or 431).
/// </summary>
public sealed record HostileCase(string Category, string What, Caller Caller, string Method, string Target)
{
    public int Index { get; init; }

    public byte[]? Body { get; init; }

    public string? ContentType { get; init; }

    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    public bool MustRefuse { get; init; }

    public int? ExpectedStatus { get; init; }

    public bool ProtocolLevel { get; init; }

    public bool Chunked { get; init; }

    /// <summary>The request's bytes: request line, headers for the caller and the case, then the body.</summary>
    public byte[] ToBytes(Uri server, IReadOnlyList<(string Name, string Value)> callerHeaders)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Method} {Target} HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {server.Authority}\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in callerHeaders.Concat(Headers))
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (ContentType is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {ContentType}\r\n");
        }

        if (Body is not null)
        {
            head.Append(Chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {Body.Length}\r\n");
        }

        head.Append("\r\n");
        using var request = new MemoryStream();
        request.Write(Encoding.UTF8.GetBytes(head.ToString()));
        if (Body is not null)
        {
            WriteBody(request);
        }

        return request.ToArray();
    }

    /// <summary>Everything needed to replay the case by hand: printed with every failure.</summary>
    public string Describe()
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"#{Index} [{Category}] {What}\n")
            .Append(CultureInfo.InvariantCulture, $"    {Method} {Escape(Target, 300)} as {Caller}");
        foreach (var (name, value) in Headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n    {name}: {Escape(value, 200)}");
        }

        if (ContentType is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n    Content-Type: {ContentType}");
        }

        if (Body is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n    body ({Body.Length} bytes{(Chunked ? ", chunked" : string.Empty)}): {Escape(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300)), 300)}");
        }

        return text.ToString();
    }

    private void WriteBody(MemoryStream request)
    {
        if (!Chunked)
        {
            request.Write(Body);
            return;
        }

        const int ChunkSize = 64 * 1024;
        for (var offset = 0; offset < Body!.Length; offset += ChunkSize)
        {
            var size = Math.Min(ChunkSize, Body.Length - offset);
            request.Write(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
            request.Write(Body, offset, size);
            request.Write("\r\n"u8);
        }

        request.Write("0\r\n\r\n"u8);
    }

    /// <summary>Control and non-ASCII characters as \uXXXX, so a failure message shows what was really sent.</summary>
    private static string Escape(string value, int limit)
    {
        var text = new StringBuilder();
        foreach (var character in value.Length > limit ? value[..limit] : value)
        {
            text.Append(character is < ' ' or > '~' ? $"\\u{(int)character:x4}" : character.ToString());
        }

        return value.Length > limit ? $"{text}... ({value.Length} chars)" : text.ToString();
    }
}
