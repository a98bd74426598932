namespace Shop.Catalog.Benchmarks;

/// <summary>
/// Requests/s, p50 and p99 of the catalogue's read paths at the seeded size, straight to the products service and
/// through the gateway, beside two references measured in the same run: `/alive` (Kestrel and the middleware, no
/// database) and one product by id (a single-row read).
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
        var gatewayRoutes = await AnswersAsync($"{run.GatewayUrl}/product?pageSize=1");

        report.Line($"Catalogue, {options.Products:N0} products, wrk -t1 -c{options.Connections} -d{options.Seconds}s, 2 cores shared by load generator, services and PostgreSQL:");
        report.Table("request", "direct req/s", "p50 ms", "p99 ms", "gateway req/s", "p50 ms", "p99 ms");
        foreach (var (name, path) in scenarios)
        {
            var direct = await Wrk.RunAsync(run.ProductsUrl + path, options.Connections, duration);
            var viaGateway = gatewayRoutes && path != "/alive" ? await Wrk.RunAsync(run.GatewayUrl + path, options.Connections, duration) : null;
            report.Row(
                name + (direct.NonSuccess + (viaGateway?.NonSuccess ?? 0) > 0 ? " (non-2xx responses!)" : string.Empty),
                direct.RequestsPerSecond,
                direct.P50Milliseconds,
                direct.P99Milliseconds,
                viaGateway?.RequestsPerSecond ?? (object)"-",
                viaGateway?.P50Milliseconds ?? (object)"-",
                viaGateway?.P99Milliseconds ?? (object)"-");
        }

        if (!gatewayRoutes)
        {
            report.Line("(The gateway does not route /product in this build: gateway columns left empty.)");
        }
    }

    private static async Task<bool> AnswersAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri(url));
        return response.IsSuccessStatusCode;
    }
}
