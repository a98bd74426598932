using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Shop.Catalog.Benchmarks;

/// <summary>
/// Fills `productsdb` with generated products in one set-based INSERT (generate_series), the fast way to 100k
/// rows: no per-row round trips. Names and descriptions carry common words (a broad search hits about 1 in 7)
/// and an md5 fragment (a narrow search hits a handful).
/// </summary>
internal static class CatalogueSeeder
{
    public const string BroadTerm = "kettle";
    public const string NarrowTerm = "abc12";

    public static async Task<TimeSpan> SeedAsync(string connectionString, int count)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO products (id, name, description, price, stock, created_at, updated_at)
            SELECT gen_random_uuid(),
                   'Product ' || i || ' ' || (ARRAY['red', 'blue', 'green', 'steel', 'oak', 'linen'])[1 + i % 6] || ' ' || md5(i::text),
                   'A fine ' || (ARRAY['chair', 'table', 'lamp', 'mug', 'shirt', 'kettle', 'knife'])[1 + i % 7] || ' made of ' || md5((i * 7)::text),
                   round((random() * 1000)::numeric, 2),
                   100000,
                   now() - make_interval(secs => i),
                   now()
            FROM generate_series(1, @count) AS i
            """,
            new { count },
            commandTimeout: 600);
        await connection.ExecuteAsync("VACUUM ANALYZE products", commandTimeout: 600);
        return clock.Elapsed;
    }
}
