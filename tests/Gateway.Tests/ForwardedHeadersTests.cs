using System.Net;
using Shop.Gateway.Tests.Infrastructure;

namespace Shop.Gateway.Tests;

/// <summary>A gateway as the chart runs it (forwarded headers on) behind one trusted proxy, 127.0.0.21, with a tight sign-in limit.</summary>
public sealed class ProxiedGateway() : SingleUpstreamGateway("gateway-proxied", "auth")
{
    public const string TrustedProxy = "127.0.0.21";
    public const int SignInPerMinute = 2;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        ["ForwardedHeaders__KnownProxies__0"] = TrustedProxy,
        ["RateLimits__AuthPerClientPerMinute"] = SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Per-client rate limits behind an ingress: X-Forwarded-For names the client only when a configured proxy sends it.</summary>
public sealed class ForwardedHeadersTests(ProxiedGateway proxied) : IClassFixture<ProxiedGateway>
{
    [Fact]
    public async Task Through_the_trusted_proxy_each_forwarded_client_has_its_own_limit()
    {
        using var proxy = proxied.ClientFrom(ProxiedGateway.TrustedProxy);

        var first = await SignInsAsync(proxy, ProxiedGateway.SignInPerMinute + 1, _ => "203.0.113.1");
        var second = await SignInsAsync(proxy, 1, _ => "203.0.113.2");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, ProxiedGateway.SignInPerMinute), HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task From_any_other_peer_the_header_is_ignored_and_cannot_dodge_the_limit()
    {
        using var client = proxied.ClientFrom("127.0.0.22");

        var statuses = await SignInsAsync(client, ProxiedGateway.SignInPerMinute + 1, attempt => $"198.51.100.{attempt + 1}");

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static async Task<List<HttpStatusCode>> SignInsAsync(HttpClient client, int count, Func<int, string> forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < count; attempt++)
        {
            using var request = GatewayClient.Request(HttpMethod.Post, "/auth/login");
            request.Headers.Add("X-Forwarded-For", forwardedFor(attempt));
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
