namespace Shop.Products.IntegrationEvents;

/// <summary>Data of `product_created` and `product_updated` (docs/events.md).</summary>
public sealed record ProductChanged(Guid ProductId, string Name, string Description, decimal Price, int Stock, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Data of `product_deleted`.</summary>
public sealed record ProductDeleted(Guid ProductId);
