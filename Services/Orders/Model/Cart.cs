namespace Shop.Orders.Model;

/// <summary>`GET /cart`: the caller's lines at the catalogue's current names and prices.</summary>
public sealed record Cart(IReadOnlyList<PricedLine> Items, decimal Total)
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 100;

    public static Cart Empty { get; } = new([], 0);

    /// <summary>Units in the cart, as `cart_updated` reports them.</summary>
    public int ItemCount => Items.Sum(line => line.Quantity);

    /// <summary>
    /// Prices the stored lines; a line whose product has left the catalogue is not shown (it cannot be ordered),
    /// and can still be removed.
    /// </summary>
    public static Cart Price(IEnumerable<CartLine> lines, IReadOnlyDictionary<Guid, CatalogProduct> catalogue)
    {
        var items = new List<PricedLine>();
        foreach (var line in lines)
        {
            if (catalogue.TryGetValue(line.ProductId, out var product))
            {
                items.Add(PricedLine.Create(line.ProductId, product.Name, product.Price, line.Quantity));
            }
        }

        return new Cart(items, items.Sum(line => line.LineTotal));
    }
}

/// <summary>A stored cart line: a product and how many.</summary>
public sealed record CartLine(Guid ProductId, int Quantity)
{
    /// <summary>
    /// The lines after setting <paramref name="productId"/> to <paramref name="quantity"/> (0 removes it): an existing
    /// line keeps its place, a new one goes last.
    /// </summary>
    public static List<CartLine> With(IReadOnlyList<CartLine> lines, Guid productId, int quantity)
    {
        var result = lines.Where(line => line.ProductId != productId || quantity > 0)
            .Select(line => line.ProductId == productId ? line with { Quantity = quantity } : line)
            .ToList();
        if (quantity > 0 && !lines.Any(line => line.ProductId == productId))
        {
            result.Add(new CartLine(productId, quantity));
        }

        return result;
    }
}

/// <summary>What the catalogue says about a product now.</summary>
public sealed record CatalogProduct(Guid Id, string Name, decimal Price);
