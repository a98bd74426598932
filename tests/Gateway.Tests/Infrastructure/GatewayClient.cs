using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Shop.Gateway.Tests.Infrastructure;

/// <summary>HTTP to a gateway, optionally from a chosen loopback address (each address is its own client for rate limits).</summary>
public static class GatewayClient
{
    public static HttpClient Create(Uri gateway, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static HttpRequestMessage Request(HttpMethod method, string target, string? token = null, string? correlationId = null)
    {
        var request = new HttpRequestMessage(method, new Uri(target, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.Add("X-Correlation-Id", correlationId ?? NewCorrelationId());
        if (method == HttpMethod.Post || method == HttpMethod.Put)
        {
            request.Content = JsonContent.Create(new { });
        }

        return request;
    }

    public static string NewCorrelationId() => "test-" + Guid.NewGuid().ToString("N");

    /// <summary>What the upstream said it received, for a request the gateway forwarded.</summary>
    public static async Task<ReceivedRequest> EchoAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the upstream's echo, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ReceivedRequest>())!;
    }

    /// <summary>Asserts an RFC 9457 ProblemDetails answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
