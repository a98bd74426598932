using Shop.DevStack;
using Shop.Gateway.Benchmarks;

namespace Shop.Catalog.Benchmarks;

/// <summary>
/// Requests/s, p50 and p99 of the catalogue's read paths at the seeded size, straight to the products service and
/// through the gateway, beside two references measured in the same run: `/alive` (Kestrel and the middleware, no
/// database) and one product by id (a single-row read). "CPU µs/request" is what products and PostgreSQL (and the
/// gateway, through it) used per request.
/// </summary>
internal static class CatalogueBenchmark
{
    public static async Task RunAsync(BenchmarkStack run, BenchmarkOptions options, Report report)
    {
        var productId = (await run.ProductIdsAsync(1))[0];
        (string Name, string Path)[] scenarios =
        [
            ("reference: /alive (no database)", "/alive"),
            ("reference: one product by id", $"/product/{productId}"),
            ("list, page 1 (newest first)", "/product"),
            ("list, sort=price, page 50", "/product?sort=price&page=50"),
            ("list, price range 100-110, sort=price", "/product?minPrice=100&maxPrice=110&sort=price"),
            ($"search q={CatalogueSeeder.NarrowTerm} (a handful of hits)", $"/product?q={CatalogueSeeder.NarrowTerm}"),
            ($"search q={CatalogueSeeder.BroadTerm} (1 in 7 products)", $"/product?q={CatalogueSeeder.BroadTerm}&sort=-price"),
        ];
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var direct = new CpuMeter(run.Stack.Service(ShopProject.Products), run.Stack.Postgres);
        var throughGateway = new CpuMeter(run.Stack.Gateway, run.Stack.Service(ShopProject.Products), run.Stack.Postgres);

        report.Line($"Catalogue, {options.Products:N0} products, wrk -t1 -c{options.Connections} -d{options.Seconds}s, 2 cores shared by load generator, services and PostgreSQL:");
        report.Table("request", "direct req/s", "p50 ms", "p99 ms", "CPU µs/req", "gateway req/s", "p50 ms", "p99 ms", "CPU µs/req");
        foreach (var (name, path) in scenarios)
        {
            var (straight, straightCpu) = await direct.MeasureAsync(() => Wrk.RunAsync(run.ProductsUrl + path, options.Connections, duration), result => result.Requests);
            var (proxied, proxiedCpu) = path == "/alive"
                ? (null, double.NaN)
                : await throughGateway.MeasureAsync(() => Wrk.RunAsync(run.GatewayUrl + path, options.Connections, duration), result => result.Requests);
            report.Row(
                name + (straight.Errors + (proxied?.Errors ?? 0) > 0 ? " (errors!)" : string.Empty),
                straight.RequestsPerSecond,
                straight.P50Ms,
                straight.P99Ms,
                straightCpu,
                proxied?.RequestsPerSecond ?? (object)"-",
                proxied?.P50Ms ?? (object)"-",
                proxied?.P99Ms ?? (object)"-",
                proxied is null ? "-" : proxiedCpu);
        }
    }
}
