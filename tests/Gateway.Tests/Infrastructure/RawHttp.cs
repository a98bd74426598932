using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Shop.Gateway.Tests.Infrastructure;

/// <summary>
/// Sends a request target byte for byte. HttpClient normalises URIs (decodes `%2e`, removes dot segments), which
/// would hide exactly the traversal attempts the gateway must refuse.
/// </summary>
public static class RawHttp
{
    public sealed record Response(int Status, string Head, string Body)
    {
        public bool HasHeader(string name, string value) =>
            Head.Split("\r\n").Any(line => line.Equals($"{name}: {value}", StringComparison.OrdinalIgnoreCase));
    }

    public static async Task<Response> SendAsync(Uri gateway, string method, string target, string correlationId)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(gateway.Host, gateway.Port);
        await using var stream = client.GetStream();
        var request = $"{method} {target} HTTP/1.1\r\nHost: {gateway.Authority}\r\nX-Correlation-Id: {correlationId}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var status = int.Parse(head.Split(' ')[1], NumberStyles.None, CultureInfo.InvariantCulture);
        return new Response(status, head, split < 0 ? string.Empty : text[(split + 4)..]);
    }
}
