using System.Net;
using Shop.Gateway.Tests.Infrastructure;

namespace Shop.Gateway.Tests;

/// <summary>What the services receive: identity only from the gateway, forwarded headers and a correlation id.</summary>
[Collection(ObservedGatewayCollection.Name)]
public sealed class HeaderTests(ObservedGateway observed)
{
    private static readonly string[] Spoofed = ["X-User-Id", "x-user-email", "X-USER-ROLES", "X-User-Impersonate"];

    [Fact]
    public async Task Client_sent_identity_headers_never_reach_a_service_from_an_anonymous_caller()
    {
        using var request = WithSpoofedIdentity(GatewayClient.Request(HttpMethod.Get, "/product"));

        var echo = await GatewayClient.EchoAsync(await observed.Client.SendAsync(request));

        Assert.DoesNotContain(echo.HeaderNames, name => name.StartsWith("X-User-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_signed_in_caller_is_known_only_by_its_token()
    {
        using var request = WithSpoofedIdentity(GatewayClient.Request(HttpMethod.Get, "/auth/me", observed.CustomerToken));

        var echo = await GatewayClient.EchoAsync(await observed.Client.SendAsync(request));

        Assert.Equal(
            new[] { "X-User-Email", "X-User-Id", "X-User-Roles" },
            echo.HeaderNames.Where(name => name.StartsWith("X-User-", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
        Assert.Equal(observed.Customer.Subject, echo.Header("X-User-Id"));
        Assert.Equal(observed.Customer.Email, echo.Header("X-User-Email"));
        Assert.Equal("customer", echo.Header("X-User-Roles"));
    }

    [Fact]
    public async Task Forwarded_headers_describe_the_real_client_whatever_it_claims()
    {
        using var request = GatewayClient.Request(HttpMethod.Get, "/product");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var echo = await GatewayClient.EchoAsync(await observed.Client.SendAsync(request));

        Assert.Equal("127.0.0.1", echo.Header("X-Forwarded-For"));
        Assert.Equal(observed.Gateway.Url.Authority, echo.Header("X-Forwarded-Host"));
        Assert.Equal("http", echo.Header("X-Forwarded-Proto"));
    }

    [Fact]
    public async Task A_sane_correlation_id_is_kept_forwarded_and_echoed()
    {
        var id = "order-flow:42_a.b-" + Guid.NewGuid().ToString("N")[..8];

        using var response = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Get, "/product", correlationId: id));

        Assert.Equal(id, response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal(id, (await GatewayClient.EchoAsync(response)).Header("X-Correlation-Id"));
    }

    [Fact]
    public async Task The_services_asked_for_stats_receive_the_requests_correlation_id()
    {
        var id = GatewayClient.NewCorrelationId();

        using var response = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Get, "/stats", observed.AdminToken, id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        bool Asked(TestUpstream upstream) =>
            upstream.Received.Any(request => request.Target == "/internal/stats" && request.Header("X-Correlation-Id") == id);
        Assert.True(Asked(observed.Auth));
        Assert.True(Asked(observed.Orders));
        Assert.True(Asked(observed.ProductsA) || Asked(observed.ProductsB));
    }

    [Theory]
    [InlineData("has spaces")]
    [InlineData("semi;colon")]
    [InlineData("<script>")]
    [InlineData("x")]
    public async Task An_unusable_correlation_id_is_replaced_by_a_new_one(string sent)
    {
        var value = sent == "x" ? new string('x', 129) : sent;
        using var request = GatewayClient.Request(HttpMethod.Get, "/product");
        request.Headers.Remove("X-Correlation-Id");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", value);

        using var response = await observed.Client.SendAsync(request);

        var id = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.NotEqual(value, id);
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, (await GatewayClient.EchoAsync(response)).Header("X-Correlation-Id"));
    }

    [Fact]
    public async Task Every_answer_carries_a_correlation_id_even_the_gateways_own_errors()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/cart", UriKind.Relative));
        using var unauthorized = await observed.Client.SendAsync(request);
        using var notFound = await observed.Client.GetAsync(new Uri("/nowhere", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", unauthorized.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Matches("^[0-9a-f]{32}$", notFound.Headers.GetValues("X-Correlation-Id").Single());
    }

    private static HttpRequestMessage WithSpoofedIdentity(HttpRequestMessage request)
    {
        foreach (var name in Spoofed)
        {
            request.Headers.Add(name, name.EndsWith("Roles", StringComparison.OrdinalIgnoreCase) ? "admin" : "00000000-0000-0000-0000-000000000001");
        }

        return request;
    }
}
