using System.Diagnostics;
using System.Net;
using Shop.DevStack;
using Shop.Gateway.Tests.Infrastructure;
using Shop.Testing;

namespace Shop.Gateway.Tests;

/// <summary>The gateway in front of the real services, through the gateway only.</summary>
[Collection(GatewayStackCollection.Name)]
public sealed class StackTests(GatewayStack stack)
{
    [Fact]
    public async Task A_stopped_products_service_is_a_503_within_2_seconds_and_serves_again_when_back()
    {
        var products = stack.Stack.Service(ShopProject.Products);
        var before = await ProductListStatusAsync();
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, before);

        await products.StopAsync();
        try
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await stack.Gateway.GetAsync(new Uri("/product", UriKind.Relative));

                await GatewayClient.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"503 took {clock.Elapsed}");
            }
        }
        finally
        {
            await products.StartAsync();
        }

        await Eventually.GetAsync(ProductListStatusAsync, status => status == before, TimeSpan.FromSeconds(30), "products back behind the gateway");
    }

    [Theory]
    [InlineData("GET", "/authn")]
    [InlineData("POST", "/authz")]
    [InlineData("GET", "/internal/stock")]
    [InlineData("GET", "/openapi/v1.json")]
    public async Task Internal_routes_of_the_services_are_not_reachable(string method, string path)
    {
        using var response = await stack.Gateway.SendAsync(GatewayClient.Request(new HttpMethod(method), path));

        await GatewayClient.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        using var request = GatewayClient.Request(HttpMethod.Post, "/auth/login");
        request.Content = new ByteArrayContent(new byte[(2 * 1024 * 1024) + 1]);
        request.Content.Headers.ContentType = new("application/json");

        using var response = await stack.Gateway.SendAsync(request);

        await GatewayClient.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private async Task<HttpStatusCode> ProductListStatusAsync()
    {
        using var response = await stack.Gateway.GetAsync(new Uri("/product", UriKind.Relative));
        return response.StatusCode;
    }
}
