using Shop.Products.Model;

namespace Shop.Products.IntegrationEvents;

/// <summary>Data of `product_created` and `product_updated` (docs/events.md), published on admin writes.</summary>
public sealed record ProductChanged(Guid ProductId, string Name, string Description, decimal Price, int Stock, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ProductChanged From(Product product) =>
        new(product.Id, product.Name, product.Description, product.Price, product.Stock, product.CreatedAt, product.UpdatedAt);
}

/// <summary>Data of `product_deleted`.</summary>
public sealed record ProductDeleted(Guid ProductId);
