using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.ServiceDefaults.ServiceDiscovery;

namespace Shop.Foundation.Tests;

public sealed class ServiceDiscoveryTests
{
    private static readonly ServiceEndpointResolver Resolver = new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:products:http:0"] = "http://127.0.0.1:5102",
            ["services:products:http:1"] = "http://127.0.0.1:5112",
            ["services:auth:https:0"] = "https://auth.internal:7001",
            ["services:auth:http:0"] = "http://127.0.0.1:5101",
        })
        .Build());

    [Fact]
    public void Resolves_every_replica_in_index_order() =>
        Assert.Equal([new Uri("http://127.0.0.1:5102"), new Uri("http://127.0.0.1:5112")], Resolver.Resolve("products"));

    [Fact]
    public void Picks_replicas_in_turn()
    {
        var picks = Enumerable.Range(0, 4).Select(_ => Resolver.Pick("http", "products")!.Port).ToList();

        Assert.Equal(2, picks.Distinct().Count());
    }

    [Fact]
    public void Https_plus_http_prefers_https() =>
        Assert.Equal(new Uri("https://auth.internal:7001"), Resolver.Pick("https+http", "auth"));

    [Fact]
    public void Unknown_names_are_left_alone() =>
        Assert.Null(Resolver.Pick("http", "example.com"));

    [Fact]
    public async Task Handler_sends_requests_for_a_service_name_to_its_configured_url()
    {
        var seen = new List<Uri>();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["services:orders:http:0"] = "http://10.0.0.7:5103" }).Build())
            .AddServiceDiscovery();
        services.AddHttpClient("orders")
            .AddServiceDiscovery()
            .ConfigurePrimaryHttpMessageHandler(() => new RecordingHandler(seen));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        await client.GetAsync(new Uri("http://orders/order/42?x=1"));

        Assert.Equal([new Uri("http://10.0.0.7:5103/order/42?x=1")], seen);
    }

    private sealed class RecordingHandler(List<Uri> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}
