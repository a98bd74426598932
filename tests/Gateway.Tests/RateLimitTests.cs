using System.Net;
using Shop.Gateway.Tests.Infrastructure;
using Shop.Testing;

namespace Shop.Gateway.Tests;

/// <summary>A gateway with tight limits; each test calls from its own loopback address, which is its own client.</summary>
public sealed class LimitedGateway() : SingleUpstreamGateway("gateway-limited", "any")
{
    public const int SignInPerMinute = 5;
    public const int PerSecond = 5;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimits__AuthPerClientPerMinute"] = SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits__PerClientPerSecond"] = PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class RateLimitTests(LimitedGateway limited) : IClassFixture<LimitedGateway>
{
    [Fact]
    public async Task Sign_in_requests_beyond_the_limit_are_429_with_retry_after_per_client()
    {
        using var client = limited.ClientFrom("127.0.0.2");
        using var neighbour = limited.ClientFrom("127.0.0.3");

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < LimitedGateway.SignInPerMinute; attempt++)
        {
            var path = attempt % 2 == 0 ? "/auth/login" : "/auth/verify";
            using var accepted = await client.SendAsync(GatewayClient.Request(HttpMethod.Post, path));
            statuses.Add(accepted.StatusCode);
        }

        using var refused = await client.SendAsync(GatewayClient.Request(HttpMethod.Post, "/auth/verify"));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        await GatewayClient.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        using var otherClient = await neighbour.SendAsync(GatewayClient.Request(HttpMethod.Post, "/auth/login"));
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);

        using var otherRoute = await client.SendAsync(GatewayClient.Request(HttpMethod.Get, "/product"));
        Assert.Equal(HttpStatusCode.OK, otherRoute.StatusCode);
    }

    [Fact]
    public async Task A_client_over_the_per_second_limit_gets_429_then_passes_again()
    {
        using var client = limited.ClientFrom("127.0.0.4");

        // Far more than the limit at once: however slow the machine, they cannot spread over enough windows to pass.
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.SendAsync(GatewayClient.Request(HttpMethod.Get, "/product"))));
        try
        {
            var refused = responses.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.NotEmpty(refused);
            Assert.All(responses, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
            await GatewayClient.ProblemAsync(refused[0], HttpStatusCode.TooManyRequests);
            Assert.NotNull(refused[0].Headers.RetryAfter);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        await Eventually.GetAsync(
            async () =>
            {
                using var later = await client.SendAsync(GatewayClient.Request(HttpMethod.Get, "/product"));
                return later.StatusCode;
            },
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(5),
            "a request in a later window");
    }

    [Fact]
    public async Task Probes_are_never_limited()
    {
        using var client = limited.ClientFrom("127.0.0.5");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await client.GetAsync(new Uri("/alive", UriKind.Relative));
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
