using System.Diagnostics;
using System.Net;
using Shop.Gateway.Tests.Infrastructure;
using Shop.Testing;

namespace Shop.Gateway.Tests;

/// <summary>
/// Two replicas of products behind the gateway: both serve, one that fails its `/health` or stops leaves the rotation
/// without the public noticing, and with none left the answer is a quick 503 until one returns.
/// </summary>
[Collection(ObservedGatewayCollection.Name)]
public sealed class AvailabilityTests(ObservedGateway observed)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Both_replicas_take_traffic()
    {
        var served = await ServedByAsync(20);

        Assert.Contains("products-a", served);
        Assert.Contains("products-b", served);
    }

    [Fact]
    public async Task A_replica_failing_its_health_check_leaves_the_rotation_and_returns()
    {
        observed.ProductsB.Healthy = false;
        try
        {
            await Eventually.GetAsync(() => ServedByAsync(20), served => served.All(name => name == "products-a"), Settle, "all traffic on products-a");
        }
        finally
        {
            observed.ProductsB.Healthy = true;
        }

        await Eventually.GetAsync(() => ServedByAsync(20), served => served.Contains("products-b"), Settle, "products-b back in rotation");
    }

    [Fact]
    public async Task A_stopped_replica_leaves_the_rotation_and_returns_when_started()
    {
        await observed.ProductsB.StopAsync();
        try
        {
            await Eventually.GetAsync(() => ServedByAsync(20), served => served.All(name => name == "products-a"), Settle, "all traffic on products-a");
        }
        finally
        {
            await observed.ProductsB.StartAsync();
        }

        await Eventually.GetAsync(() => ServedByAsync(20), served => served.Contains("products-b"), Settle, "products-b back in rotation");
    }

    [Fact]
    public async Task With_every_replica_stopped_the_answer_is_a_quick_503_until_one_returns()
    {
        await Task.WhenAll(observed.ProductsA.StopAsync(), observed.ProductsB.StopAsync());
        try
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Get, "/product"));

                await GatewayClient.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"503 took {clock.Elapsed}");
            }
        }
        finally
        {
            await Task.WhenAll(observed.ProductsA.StartAsync(), observed.ProductsB.StartAsync());
        }

        await Eventually.GetAsync(() => ServedByAsync(20), served => served.Contains("products-a") && served.Contains("products-b"), Settle, "both replicas back");
    }

    /// <summary>Which replica answered each of <paramref name="count"/> requests ("failed" for any non-echo answer).</summary>
    private async Task<List<string>> ServedByAsync(int count)
    {
        var served = new List<string>();
        for (var attempt = 0; attempt < count; attempt++)
        {
            using var response = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Get, "/product"));
            served.Add(response.StatusCode == HttpStatusCode.OK ? (await GatewayClient.EchoAsync(response)).Upstream : "failed");
        }

        return served;
    }
}
