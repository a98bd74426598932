using Dapper;
using Npgsql;
using Shop.DevStack;
using Shop.Testing;

namespace Shop.Catalog.Benchmarks;

/// <summary>
/// A private local stack (free ports, thrown away afterwards), each service with `--replicas` instances; the
/// direct figures use the first instance of products and orders.
/// </summary>
internal sealed class BenchmarkStack : IAsyncDisposable
{
    public const string AdminEmail = "admin@bench.test";

    private BenchmarkStack(LocalStack stack, BenchmarkOptions options)
    {
        Stack = stack;
        Options = options;
    }

    public LocalStack Stack { get; }

    public BenchmarkOptions Options { get; }

    public string ProductsUrl => Stack.Service(ShopProject.Products).Url;

    /// <summary>Customers are spread over the orders replicas.</summary>
    public string OrdersUrlFor(int customer) => Stack.Service(ShopProject.Orders, customer % Options.Replicas).Url;

    public string GatewayUrl => Stack.Gateway.Url;

    public string ProductsDatabase => Stack.Postgres.ConnectionString("productsdb");

    public static async Task<BenchmarkStack> StartAsync(BenchmarkOptions options)
    {
        var stack = TestStacks.Create(options.Replicas, new Dictionary<string, string?>
        {
            // Measure what production runs (DevStack otherwise starts services in Development).
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Admins__0"] = AdminEmail,

            // Every benchmark customer signs in from 127.0.0.1.
            ["RateLimits__AuthPerClientPerMinute"] = "10000",
        });
        try
        {
            await stack.StartAsync();
        }
        catch
        {
            await stack.StopAsync();
            throw;
        }

        return new BenchmarkStack(stack, options);
    }

    public Task<TimeSpan> SeedAsync() => CatalogueSeeder.SeedAsync(ProductsDatabase, Options.Products);

    /// <summary>The newest <paramref name="count"/> products.</summary>
    public async Task<IReadOnlyList<Guid>> ProductIdsAsync(int count)
    {
        await using var connection = new NpgsqlConnection(ProductsDatabase);
        return (await connection.QueryAsync<Guid>("SELECT id FROM products ORDER BY created_at DESC LIMIT @count", new { count })).AsList();
    }

    public async ValueTask DisposeAsync()
    {
        await Stack.StopAsync();
        try
        {
            Directory.Delete(Stack.Paths.Root, recursive: true);
        }
        catch (IOException)
        {
            // A process may still be flushing its log; the folder is under .shop/test.
        }
    }
}
