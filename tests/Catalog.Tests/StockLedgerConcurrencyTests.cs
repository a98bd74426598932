using Dapper;
using Npgsql;
using Shop.Catalog.Tests.Support;
using Shop.Products.Infrastructure;
using Shop.Products.Model;

namespace Shop.Catalog.Tests;

/// <summary>
/// The stock ledger under real concurrency on the stack's PostgreSQL: what several products replicas handling
/// order events at once would do (one replica handles its events one by one).
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class StockLedgerConcurrencyTests(CatalogStack stack)
{
    private readonly StockLedger ledger = new();

    [Fact]
    public async Task Fifty_concurrent_reservations_for_ten_units_reserve_exactly_ten()
    {
        var product = await InsertProductAsync(stock: 10);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            InTransactionAsync(transaction => ledger.ReserveAsync(transaction, Guid.CreateVersion7(), [new StockLine(product, 1)], CancellationToken.None))));

        Assert.Equal(10, outcomes.Count(outcome => outcome.Status == ReservationStatus.Reserved));
        Assert.Equal(40, outcomes.Count(outcome => outcome.Status == ReservationStatus.Rejected));
        Assert.Equal(0, await StockAsync(product));
    }

    [Fact]
    public async Task Orders_over_two_products_in_opposite_order_neither_deadlock_nor_oversell()
    {
        var first = await InsertProductAsync(stock: 20);
        var second = await InsertProductAsync(stock: 20);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(index =>
        {
            List<StockLine> lines = index % 2 == 0 ? [new(first, 1), new(second, 1)] : [new(second, 1), new(first, 1)];
            return InTransactionAsync(transaction => ledger.ReserveAsync(transaction, Guid.CreateVersion7(), lines, CancellationToken.None));
        }));

        Assert.Equal(20, outcomes.Count(outcome => outcome.Status == ReservationStatus.Reserved));
        Assert.Equal((0, 0), (await StockAsync(first), await StockAsync(second)));
    }

    [Fact]
    public async Task Racing_placements_and_cancels_of_one_order_leave_the_stock_whole()
    {
        var product = await InsertProductAsync(stock: 5);
        var orders = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToList();

        await Task.WhenAll(orders.SelectMany(orderId => new Task[]
        {
            InTransactionAsync(transaction => ledger.ReserveAsync(transaction, orderId, [new StockLine(product, 2)], CancellationToken.None)),
            InTransactionAsync(transaction => ledger.ReleaseAsync(transaction, orderId, CancellationToken.None)),
            InTransactionAsync(transaction => ledger.ReleaseAsync(transaction, orderId, CancellationToken.None)),
        }));

        Assert.Equal(5, await StockAsync(product));
    }

    private async Task<T> InTransactionAsync<T>(Func<NpgsqlTransaction, Task<T>> work)
    {
        await using var connection = new NpgsqlConnection(stack.ProductsDatabase);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var result = await work(transaction);
        await transaction.CommitAsync();
        return result;
    }

    private async Task<Guid> InsertProductAsync(int stock)
    {
        var id = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(stack.ProductsDatabase);
        await connection.ExecuteAsync(
            "INSERT INTO products (id, name, description, price, stock, created_at, updated_at) VALUES (@id, @name, '', 1, @stock, now(), now())",
            new { id, name = "Ledger " + Catalogue.NewTag(), stock });
        return id;
    }

    private async Task<int> StockAsync(Guid productId)
    {
        await using var connection = new NpgsqlConnection(stack.ProductsDatabase);
        return await connection.ExecuteScalarAsync<int>("SELECT stock FROM products WHERE id = @productId", new { productId });
    }
}
