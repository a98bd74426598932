namespace Shop.Orders.Model;

/// <summary>A cart or order line: `{productId, name, unitPrice, quantity, lineTotal}`.</summary>
public sealed record PricedLine(Guid ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal)
{
    public static PricedLine Create(Guid productId, string name, decimal unitPrice, int quantity) =>
        new(productId, name, unitPrice, quantity, unitPrice * quantity);
}
