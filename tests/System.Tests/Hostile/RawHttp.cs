using System.Net.Sockets;
using System.Text;

namespace Shop.SystemTests.Hostile;

/// <summary>An answer read off the wire: status, headers (names lower-cased) and the decoded body.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? ContentType => Headers.TryGetValue("content-type", out var value) ? value : null;

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// HTTP/1.1 over a bare socket, one request per connection: sends exactly the bytes a case describes (raw
/// targets with dot segments, CR/LF inside header values, invalid UTF-8), which HttpClient would normalise or refuse.
/// </summary>
public static class RawHttp
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    public static async Task<RawResponse> SendAsync(Uri server, byte[] request, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(server.Host, server.Port, cancellation.Token);
        var stream = client.GetStream();

        // The server may answer (413, 400) and close before reading a large body: write and read at once, and
        // let a failed write go when an answer arrived.
        var writing = WriteAsync(stream, request, cancellation.Token);
        var received = await ReadToEndAsync(stream, cancellation.Token);
        await writing;
        return Parse(received);
    }

    private static async Task WriteAsync(NetworkStream stream, byte[] request, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteAsync(request, cancellationToken);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException) when (buffer.Length > 0)
        {
            // A reset after the answer (the server closed with request bytes unread) loses nothing we need.
        }

        return buffer.ToArray();
    }

    private static RawResponse Parse(byte[] received)
    {
        var headerEnd = received.AsSpan().IndexOf(HeaderEnd);
        if (headerEnd < 0)
        {
            throw new InvalidDataException($"No complete HTTP answer ({received.Length} bytes): {Encoding.Latin1.GetString(received)}");
        }

        var lines = Encoding.Latin1.GetString(received, 0, headerEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }

        var body = received.AsSpan(headerEnd + HeaderEnd.Length);
        var chunked = headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase);
        return new RawResponse(status, headers, chunked ? Dechunk(body) : body.ToArray());
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> body)
    {
        using var output = new MemoryStream();
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n"u8);
            var sizeText = Encoding.ASCII.GetString(body[..lineEnd]).Split(';')[0];
            var size = Convert.ToInt32(sizeText, 16);
            if (size == 0)
            {
                return output.ToArray();
            }

            output.Write(body.Slice(lineEnd + 2, size));
            body = body[(lineEnd + 2 + size + 2)..];
        }
    }
}
