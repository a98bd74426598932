using Dapper;
using Npgsql;
using Shop.Orders.Model;
using Shop.Http;

namespace Shop.Orders.Infrastructure;

/// <summary>Orders, their lines and the Idempotency-Keys that created them, in `ordersdb`.</summary>
public sealed class OrderStore
{
    private const string OrderColumns =
        "id, user_id AS UserId, email, status, total, reason, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public async Task<Order> InsertAsync(NpgsqlTransaction transaction, Guid orderId, Customer customer, Cart priced, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var row = await connection.QuerySingleAsync<OrderRow>(new CommandDefinition(
            $"""
            INSERT INTO orders (id, user_id, email, status, total, created_at, updated_at)
            VALUES (@orderId, @userId, @email, @status, @total, now(), now())
            RETURNING {OrderColumns}
            """,
            new { orderId, userId = customer.Id, email = customer.Email, status = OrderStatus.Pending, total = priced.Total },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO order_items (order_id, line, product_id, name, unit_price, quantity, line_total)
            SELECT @orderId, line.number, line.product_id, line.name, line.unit_price, line.quantity, line.line_total
            FROM unnest(@productIds, @names, @unitPrices, @quantities, @lineTotals)
                WITH ORDINALITY AS line(product_id, name, unit_price, quantity, line_total, number)
            """,
            new
            {
                orderId,
                productIds = priced.Items.Select(line => line.ProductId).ToArray(),
                names = priced.Items.Select(line => line.Name).ToArray(),
                unitPrices = priced.Items.Select(line => line.UnitPrice).ToArray(),
                quantities = priced.Items.Select(line => line.Quantity).ToArray(),
                lineTotals = priced.Items.Select(line => line.LineTotal).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
        return row.ToOrder(priced.Items);
    }

    /// <summary>The order if it exists and, when <paramref name="ownerId"/> is given, belongs to that user.</summary>
    public Task<Order?> FindAsync(NpgsqlConnection connection, Guid orderId, Guid? ownerId, CancellationToken cancellationToken) =>
        FindAsync(connection, null, orderId, ownerId, cancellationToken);

    /// <summary>As <see cref="FindAsync(NpgsqlConnection, Guid, Guid?, CancellationToken)"/>, locking the order until the transaction ends.</summary>
    public Task<Order?> LockAsync(NpgsqlTransaction transaction, Guid orderId, Guid? ownerId, CancellationToken cancellationToken) =>
        FindAsync(transaction.Connection!, transaction, orderId, ownerId, cancellationToken);

    /// <summary>The user's orders, newest first.</summary>
    public async Task<PagedList<Order>> ListAsync(NpgsqlConnection connection, Guid userId, PageRequest paging, CancellationToken cancellationToken)
    {
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT count(*) FROM orders WHERE user_id = @userId;
            SELECT {OrderColumns} FROM orders WHERE user_id = @userId ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset;
            """,
            new { userId, limit = paging.PageSize, offset = paging.Offset },
            cancellationToken: cancellationToken));
        var total = await results.ReadSingleAsync<long>();
        var rows = (await results.ReadAsync<OrderRow>()).AsList();
        return new PagedList<Order>(await WithItemsAsync(connection, null, rows, cancellationToken), paging.Page, paging.PageSize, total);
    }

    public async Task<Order> SetStatusAsync(NpgsqlTransaction transaction, Order order, string status, string? reason, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleAsync<OrderRow>(new CommandDefinition(
            $"UPDATE orders SET status = @status, reason = coalesce(@reason, reason), updated_at = now() WHERE id = @id RETURNING {OrderColumns}",
            new { id = order.Id, status, reason },
            transaction,
            cancellationToken: cancellationToken));
        return row.ToOrder(order.Items);
    }

    public async Task<OrderStats> StatsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        OrderStats.From(await connection.QueryAsync<(string Status, long Count, decimal Total)>(new CommandDefinition(
            "SELECT status, count(*), coalesce(sum(total), 0) FROM orders GROUP BY status", cancellationToken: cancellationToken)));

    /// <summary>Claims (user, key) for <paramref name="orderId"/>; false when it was claimed before (a concurrent claim is waited for).</summary>
    public async Task<bool> ClaimKeyAsync(NpgsqlTransaction transaction, Guid userId, string key, byte[] requestHash, Guid orderId, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO idempotency_keys (user_id, key, request_hash, order_id) VALUES (@userId, @key, @requestHash, @orderId)
            ON CONFLICT (user_id, key) DO NOTHING
            """,
            new { userId, key, requestHash, orderId },
            transaction,
            cancellationToken: cancellationToken)) == 1;

    public Task SaveResponseAsync(NpgsqlTransaction transaction, Guid userId, string key, string response, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE idempotency_keys SET response = @response WHERE user_id = @userId AND key = @key",
            new { userId, key, response },
            transaction,
            cancellationToken: cancellationToken));

    public Task<StoredResponse?> FindResponseAsync(NpgsqlConnection connection, Guid userId, string key, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<StoredResponse>(new CommandDefinition(
            "SELECT request_hash AS RequestHash, order_id AS OrderId, response FROM idempotency_keys WHERE user_id = @userId AND key = @key",
            new { userId, key },
            cancellationToken: cancellationToken));

    private static async Task<Order?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid orderId, Guid? ownerId, CancellationToken cancellationToken)
    {
        var lockClause = transaction is null ? string.Empty : "FOR UPDATE";
        var rows = await connection.QueryAsync<OrderRow>(new CommandDefinition(
            $"SELECT {OrderColumns} FROM orders WHERE id = @orderId AND (@ownerId::uuid IS NULL OR user_id = @ownerId) {lockClause}",
            new { orderId, ownerId },
            transaction,
            cancellationToken: cancellationToken));
        return (await WithItemsAsync(connection, transaction, rows.AsList(), cancellationToken)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<Order>> WithItemsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, List<OrderRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var items = (await connection.QueryAsync<ItemRow>(new CommandDefinition(
            """
            SELECT order_id AS OrderId, product_id AS ProductId, name, unit_price AS UnitPrice, quantity, line_total AS LineTotal
            FROM order_items WHERE order_id = ANY(@orderIds) ORDER BY order_id, line
            """,
            new { orderIds = rows.Select(row => row.Id).ToArray() },
            transaction,
            cancellationToken: cancellationToken))).ToLookup(item => item.OrderId, item => new PricedLine(item.ProductId, item.Name, item.UnitPrice, item.Quantity, item.LineTotal));
        return rows.Select(row => row.ToOrder(items[row.Id].ToList())).ToList();
    }

    private sealed record OrderRow(Guid Id, Guid UserId, string Email, string Status, decimal Total, string? Reason, DateTime CreatedAt, DateTime UpdatedAt)
    {
        public Order ToOrder(IReadOnlyList<PricedLine> items) =>
            new(Id, Status, items, Total, CreatedAt, UpdatedAt) { UserId = UserId, Email = Email, Reason = Reason };
    }

    private sealed record ItemRow(Guid OrderId, Guid ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal);
}

/// <summary>What an earlier request with the same Idempotency-Key sent and received.</summary>
public sealed record StoredResponse(byte[] RequestHash, Guid OrderId, string Response);
