using Dapper;
using Npgsql;
using Shop.Products.Model;

namespace Shop.Products.Infrastructure;

/// <summary>
/// Reserves and releases stock for orders inside the caller's transaction (the event handler's, which also
/// records the event id and enqueues the answer). The `stock_reservations` row of an order is claimed first, so
/// a second order_placed or order_cancelled for the same order, whatever its event id or arrival order, finds
/// it and changes nothing. Product rows are locked in id order: concurrent reservations never deadlock and
/// never oversell.
/// </summary>
public sealed class StockLedger
{
    public async Task<Reservation> ReserveAsync(NpgsqlTransaction transaction, Guid orderId, IReadOnlyList<StockLine> items, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO stock_reservations (order_id, status, product_ids, quantities)
            VALUES (@orderId, 'rejected', @productIds, @quantities)
            ON CONFLICT (order_id) DO NOTHING
            """,
            new { orderId, productIds = items.Select(item => item.ProductId).ToArray(), quantities = items.Select(item => item.Quantity).ToArray() },
            transaction,
            cancellationToken: cancellationToken));
        if (claimed == 0)
        {
            return Reservation.AlreadySettled;
        }

        var productIds = items.Select(item => item.ProductId).Distinct().ToArray();
        var available = (await connection.QueryAsync<(Guid Id, int Stock)>(new CommandDefinition(
            "SELECT id, stock FROM products WHERE id = ANY(@productIds) ORDER BY id FOR UPDATE",
            new { productIds },
            transaction,
            cancellationToken: cancellationToken))).ToDictionary(row => row.Id, row => row.Stock);
        if (StockCheck.FindShortage(items, available) is { } reason)
        {
            return Reservation.Rejected(reason);
        }

        await AdjustStockAsync(transaction, items, sign: -1, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE stock_reservations SET status = 'reserved', updated_at = now() WHERE order_id = @orderId",
            new { orderId },
            transaction,
            cancellationToken: cancellationToken));
        return Reservation.Reserved;
    }

    /// <summary>The lines given back, or null when nothing was reserved for the order (or it was released already).</summary>
    public async Task<IReadOnlyList<StockLine>?> ReleaseAsync(NpgsqlTransaction transaction, Guid orderId, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;

        // A cancel that overtakes its order leaves this mark, and the late order_placed then reserves nothing.
        var markedFirst = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO stock_reservations (order_id, status, product_ids, quantities)
            VALUES (@orderId, 'cancelled', '{}', '{}')
            ON CONFLICT (order_id) DO NOTHING
            """,
            new { orderId },
            transaction,
            cancellationToken: cancellationToken));
        if (markedFirst == 1)
        {
            return null;
        }

        var reserved = await connection.QuerySingleOrDefaultAsync<ReservedLines>(new CommandDefinition(
            """
            UPDATE stock_reservations SET status = 'released', updated_at = now()
            WHERE order_id = @orderId AND status = 'reserved'
            RETURNING product_ids AS ProductIds, quantities AS Quantities
            """,
            new { orderId },
            transaction,
            cancellationToken: cancellationToken));
        if (reserved is not { } row)
        {
            return null;
        }

        var lines = row.ProductIds.Zip(row.Quantities, (productId, quantity) => new StockLine(productId, quantity)).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM products WHERE id = ANY(@productIds) ORDER BY id FOR UPDATE",
            new { productIds = row.ProductIds },
            transaction,
            cancellationToken: cancellationToken));
        await AdjustStockAsync(transaction, lines, sign: 1, cancellationToken);
        return lines;
    }

    /// <summary>Adds (sign 1) or takes (sign -1) each line's units; rows are already locked by the caller.</summary>
    private static Task AdjustStockAsync(NpgsqlTransaction transaction, IReadOnlyList<StockLine> lines, int sign, CancellationToken cancellationToken)
    {
        var totals = StockCheck.Totals(lines) ?? throw new InvalidOperationException("Stock lines must have positive quantities.");
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE products p
            SET stock = p.stock + @sign * change.quantity, version = p.version + 1, updated_at = now()
            FROM unnest(@productIds, @quantities) AS change(id, quantity)
            WHERE p.id = change.id
            """,
            new { sign, productIds = totals.Keys.ToArray(), quantities = totals.Values.Select(quantity => (int)quantity).ToArray() },
            transaction,
            cancellationToken: cancellationToken));
    }
}

/// <summary>A class with setters: Dapper cannot bind array columns to constructor parameters.</summary>
internal sealed class ReservedLines
{
    public Guid[] ProductIds { get; set; } = [];

    public int[] Quantities { get; set; } = [];
}

/// <summary>What a reservation attempt did.</summary>
public sealed record Reservation(ReservationStatus Status, string? Reason = null)
{
    public static Reservation Reserved { get; } = new(ReservationStatus.Reserved);

    public static Reservation AlreadySettled { get; } = new(ReservationStatus.AlreadySettled);

    public static Reservation Rejected(string reason) => new(ReservationStatus.Rejected, reason);
}

public enum ReservationStatus
{
    Reserved,
    Rejected,

    /// <summary>The order was reserved, rejected or cancelled before: nothing changed, nothing to announce.</summary>
    AlreadySettled,
}
