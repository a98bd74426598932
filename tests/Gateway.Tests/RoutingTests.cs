using System.Net;
using System.Text.Json;
using Shop.Gateway.Tests.Infrastructure;

namespace Shop.Gateway.Tests;

/// <summary>Only the access table is public: everything else is a 404 ProblemDetails that never reaches a service.</summary>
[Collection(ObservedGatewayCollection.Name)]
public sealed class RoutingTests(ObservedGateway observed)
{
    [Theory]
    [InlineData("GET", "/authn")]
    [InlineData("POST", "/authn")]
    [InlineData("GET", "/authz")]
    [InlineData("POST", "/authz")]
    [InlineData("GET", "/internal/stock")]
    [InlineData("POST", "/internal/stock/reserve")]
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("GET", "/")]
    [InlineData("GET", "/auth")]
    [InlineData("GET", "/PRODUCT")]
    [InlineData("GET", "/Product/1")]
    [InlineData("PATCH", "/product/1")]
    [InlineData("HEAD", "/product")]
    [InlineData("OPTIONS", "/product")]
    [InlineData("GET", "/product/1/extra")]
    [InlineData("POST", "/auth/me")]
    [InlineData("POST", "/stats")]
    [InlineData("GET", "/admin/missing.js")]
    public async Task Routes_outside_the_table_are_404_for_everyone(string method, string target)
    {
        foreach (var token in new[] { null, observed.CustomerToken, observed.AdminToken })
        {
            var correlationId = GatewayClient.NewCorrelationId();
            using var response = await observed.Client.SendAsync(GatewayClient.Request(new HttpMethod(method), target, token, correlationId));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            if (method != "HEAD")
            {
                await GatewayClient.ProblemAsync(response, HttpStatusCode.NotFound);
            }

            Assert.DoesNotContain(observed.Upstreams, upstream => upstream.HasReceived(correlationId));
        }
    }

    [Theory]
    [InlineData("/product/%2e%2e/authn")]
    [InlineData("/product/%2E%2E/internal/stock")]
    [InlineData("/product/../authn")]
    [InlineData("/product/./1")]
    [InlineData("/auth/me/..%2f..%2fauthn")]
    [InlineData("/product/a%2Fb")]
    [InlineData("/product/a%5Cb")]
    [InlineData("/product//1")]
    [InlineData("//product")]
    [InlineData("/pr%6Fduct")]
    [InlineData("/product/1/%2e%2e")]
    public async Task Traversal_and_encoded_separators_are_404(string target)
    {
        var correlationId = GatewayClient.NewCorrelationId();

        var response = await RawHttp.SendAsync(observed.Gateway.Url, "GET", target, correlationId);

        Assert.True(response.Status is 404 or 400, $"{target}: {response.Status}\n{response.Head}");
        Assert.DoesNotContain(observed.Upstreams, upstream => upstream.HasReceived(correlationId));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Probes_are_the_gateways_own_and_never_forwarded(string path)
    {
        var correlationId = GatewayClient.NewCorrelationId();
        using var response = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Get, path, correlationId: correlationId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.DoesNotContain(observed.Upstreams, upstream => upstream.HasReceived(correlationId));
    }

    [Fact]
    public async Task A_trailing_slash_and_the_query_string_reach_the_service_unchanged()
    {
        using var response = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Get, "/product/?sort=-price&q=caf%C3%A9"));

        var echo = await GatewayClient.EchoAsync(response);
        Assert.Equal("/product/?sort=-price&q=caf%C3%A9", echo.Target);
    }
}
