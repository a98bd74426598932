using Dapper;
using Npgsql;
using Shop.Orders.Model;

namespace Shop.Orders.Infrastructure;

/// <summary>Carts in `ordersdb`: lines only (product and quantity); names and prices come from the catalogue when shown.</summary>
public sealed class CartStore
{
    private const string LinesSql = "SELECT product_id AS ProductId, quantity FROM cart_items WHERE user_id = @userId ORDER BY added_at, product_id";

    public async Task<IReadOnlyList<CartLine>> ReadAsync(NpgsqlConnection connection, Guid userId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<CartLine>(new CommandDefinition(LinesSql, new { userId }, cancellationToken: cancellationToken))).AsList();

    /// <summary>
    /// Locks the user's cart (creating it) until <paramref name="transaction"/> ends, marks it changed now, and
    /// returns its lines: concurrent changes to one cart queue up, so the line bound holds.
    /// </summary>
    public async Task<LockedCart> LockAsync(NpgsqlTransaction transaction, Guid userId, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var updatedAt = await connection.ExecuteScalarAsync<DateTime>(new CommandDefinition(
            """
            INSERT INTO carts (user_id, updated_at) VALUES (@userId, now())
            ON CONFLICT (user_id) DO UPDATE SET updated_at = now()
            RETURNING updated_at
            """,
            new { userId },
            transaction,
            cancellationToken: cancellationToken));
        var lines = await connection.QueryAsync<CartLine>(new CommandDefinition(LinesSql, new { userId }, transaction, cancellationToken: cancellationToken));
        return new LockedCart(lines.AsList(), updatedAt);
    }

    /// <summary>Sets a line's quantity; 0 removes it.</summary>
    public Task SetLineAsync(NpgsqlTransaction transaction, Guid userId, Guid productId, int quantity, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            quantity == 0
                ? "DELETE FROM cart_items WHERE user_id = @userId AND product_id = @productId"
                : """
                  INSERT INTO cart_items (user_id, product_id, quantity, added_at) VALUES (@userId, @productId, @quantity, now())
                  ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = excluded.quantity
                  """,
            new { userId, productId, quantity },
            transaction,
            cancellationToken: cancellationToken));

    public Task ClearAsync(NpgsqlTransaction transaction, Guid userId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM cart_items WHERE user_id = @userId", new { userId }, transaction, cancellationToken: cancellationToken));
}

/// <summary>A cart's lines while its row is locked, and the time of this change.</summary>
public sealed record LockedCart(IReadOnlyList<CartLine> Lines, DateTime UpdatedAt);
