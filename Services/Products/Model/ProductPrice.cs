namespace Shop.Products.Model;

/// <summary>What orders needs to price a cart line: the product's name and current price.</summary>
public sealed record ProductPrice(Guid Id, string Name, decimal Price);
