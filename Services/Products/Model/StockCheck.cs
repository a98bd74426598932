namespace Shop.Products.Model;

/// <summary>One product and a number of its units, as order and stock events carry them.</summary>
public sealed record StockLine(Guid ProductId, int Quantity);

/// <summary>The all-or-nothing rule of a reservation, apart from the locking around it.</summary>
public static class StockCheck
{
    /// <summary>Units wanted per product (an order may name a product twice), or null when a line is not a positive quantity.</summary>
    public static IReadOnlyDictionary<Guid, long>? Totals(IReadOnlyList<StockLine> items)
    {
        if (items.Count == 0 || items.Any(item => item.Quantity <= 0))
        {
            return null;
        }

        return items.GroupBy(item => item.ProductId).ToDictionary(group => group.Key, group => group.Sum(item => (long)item.Quantity));
    }

    /// <summary>Why the order cannot be reserved in full, or null when every product has enough units available.</summary>
    public static string? FindShortage(IReadOnlyList<StockLine> items, IReadOnlyDictionary<Guid, int> available)
    {
        if (Totals(items) is not { } wanted)
        {
            return "The order has no items or a quantity that is not positive.";
        }

        foreach (var (productId, quantity) in wanted)
        {
            if (!available.TryGetValue(productId, out var stock))
            {
                return $"Product {productId} is not in the catalogue.";
            }

            if (stock < quantity)
            {
                return $"Product {productId} has {stock} unit(s) available, {quantity} requested.";
            }
        }

        return null;
    }
}
