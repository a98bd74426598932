namespace Shop.Products.Model;

/// <summary>`GET /internal/stats`.</summary>
public sealed record CatalogueStats(long Products);
