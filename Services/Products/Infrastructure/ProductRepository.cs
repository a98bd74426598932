using Dapper;
using Npgsql;
using Shop.Messaging;
using Shop.Products.IntegrationEvents.Events;
using Shop.Products.Model;
using Shop.Http;

namespace Shop.Products.Infrastructure;

/// <summary>
/// The catalogue in `productsdb`: reads, and admin writes that check their precondition under a row lock and
/// announce themselves through the outbox in the same transaction.
/// </summary>
public sealed class ProductRepository(NpgsqlDataSource dataSource, Outbox outbox)
{
    internal const string Columns = "id, name, description, price, stock, created_at AS CreatedAt, updated_at AS UpdatedAt, version";

    /// <summary>Searches with at most this many matches are filtered before they are sorted (see ListAsync).</summary>
    private const long FilterFirstUpTo = 2000;

    public async Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Product>(new CommandDefinition(
            $"SELECT {Columns} FROM products WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<PagedList<Product>> ListAsync(ProductFilter filter, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters(new { limit = filter.Paging.PageSize, offset = filter.Paging.Offset });
        if (filter.Search is { } search)
        {
            conditions.Add("search_text LIKE lower(@pattern)");
            parameters.Add("pattern", $"%{EscapeLike(search)}%");
        }

        if (filter.MinPrice is { } minPrice)
        {
            conditions.Add("price >= @minPrice");
            parameters.Add("minPrice", minPrice);
        }

        if (filter.MaxPrice is { } maxPrice)
        {
            conditions.Add("price <= @maxPrice");
            parameters.Add("maxPrice", maxPrice);
        }

        var where = conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            conditions.Count == 0 ? "SELECT total FROM product_count" : $"SELECT count(*) FROM products {where}",
            parameters,
            cancellationToken: cancellationToken));
        if (filter.Paging.Offset >= total)
        {
            return new PagedList<Product>([], filter.Paging.Page, filter.Paging.PageSize, total);
        }

        // PostgreSQL estimates a LIKE's matches poorly and may walk a sort index hoping to meet 20 matches early,
        // reading the whole table for a rare word. The count just told us: few matches are filtered first (trigram
        // index) and then sorted (`OFFSET 0` keeps PostgreSQL from merging the subquery back); many are found
        // quickly along the sort index, which it then does well.
        var source = filter.Search is not null && total <= FilterFirstUpTo
            ? $"(SELECT * FROM products {where} OFFSET 0) AS products"
            : $"products {where}";
        var items = await connection.QueryAsync<Product>(new CommandDefinition(
            $"SELECT {Columns} FROM {source} ORDER BY {filter.OrderBy} LIMIT @limit OFFSET @offset",
            parameters,
            cancellationToken: cancellationToken));
        return new PagedList<Product>(items.AsList(), filter.Paging.Page, filter.Paging.PageSize, total);
    }

    public async Task<IReadOnlyList<ProductPrice>> LookupAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ProductPrice>(new CommandDefinition(
            "SELECT id, name, price FROM products WHERE id = ANY(@ids)", new { ids }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT total FROM product_count", cancellationToken: cancellationToken));
    }

    public async Task<Product> CreateAsync(ProductRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var product = await connection.QuerySingleAsync<Product>(new CommandDefinition(
            $"""
            INSERT INTO products (id, name, description, price, stock, created_at, updated_at)
            VALUES (@id, @Name, @description, @Price, @Stock, now(), now())
            RETURNING {Columns}
            """,
            new { id = Guid.CreateVersion7(), request.Name, description = request.DescriptionOrEmpty, request.Price, request.Stock },
            transaction,
            cancellationToken: cancellationToken));
        await outbox.EnqueueAsync(transaction, new ProductCreated(product), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }

    /// <summary>Replaces a product when <paramref name="precondition"/> accepts its current state.</summary>
    public async Task<WriteResult> UpdateAsync(Guid id, ProductRequest request, Predicate<Product> precondition, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await LockAsync(connection, transaction, id, precondition, cancellationToken) is { } refused)
        {
            return refused;
        }

        var product = await connection.QuerySingleAsync<Product>(new CommandDefinition(
            $"""
            UPDATE products
            SET name = @Name, description = @description, price = @Price, stock = @Stock, version = version + 1, updated_at = now()
            WHERE id = @id
            RETURNING {Columns}
            """,
            new { id, request.Name, description = request.DescriptionOrEmpty, request.Price, request.Stock },
            transaction,
            cancellationToken: cancellationToken));
        await outbox.EnqueueAsync(transaction, new ProductUpdated(product), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WriteResult(WriteStatus.Done, product);
    }

    public async Task<WriteResult> DeleteAsync(Guid id, Predicate<Product> precondition, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await LockAsync(connection, transaction, id, precondition, cancellationToken) is { } refused)
        {
            return refused;
        }

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM products WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        await outbox.EnqueueAsync(transaction, new ProductDeleted(id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WriteResult(WriteStatus.Done, null);
    }

    /// <summary>Locks the row and checks the precondition; null when the write may go ahead.</summary>
    private static async Task<WriteResult?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, Predicate<Product> precondition, CancellationToken cancellationToken)
    {
        var current = await connection.QuerySingleOrDefaultAsync<Product>(new CommandDefinition(
            $"SELECT {Columns} FROM products WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));
        return current is null ? new WriteResult(WriteStatus.NotFound, null)
            : precondition(current) ? null
            : new WriteResult(WriteStatus.PreconditionFailed, current);
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}

public enum WriteStatus
{
    Done,
    NotFound,
    PreconditionFailed,
}

public sealed record WriteResult(WriteStatus Status, Product? Product);
