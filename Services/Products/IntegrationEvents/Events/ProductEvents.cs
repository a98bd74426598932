using Shop.Messaging;
using Shop.Products.Model;

namespace Shop.Products.IntegrationEvents.Events;

/// <summary>Data of `product_created` and `product_updated` (docs/events.md), published on admin writes.</summary>
public abstract record ProductChanged
{
    protected ProductChanged(Product product)
    {
        ProductId = product.Id;
        Name = product.Name;
        Description = product.Description;
        Price = product.Price;
        Stock = product.Stock;
        CreatedAt = product.CreatedAt;
        UpdatedAt = product.UpdatedAt;
    }

    public Guid ProductId { get; }

    public string Name { get; }

    public string Description { get; }

    public decimal Price { get; }

    public int Stock { get; }

    public DateTime CreatedAt { get; }

    public DateTime UpdatedAt { get; }
}

// A primary constructor would make the product a property of the event's data: these pass it to the base instead.

/// <summary>`msg.products.product_created`.</summary>
public sealed record ProductCreated : ProductChanged, IIntegrationEvent
{
    public ProductCreated(Product product)
        : base(product)
    {
    }

    public static string EventSource => "products";

    public static string EventName => "product_created";
}

/// <summary>`msg.products.product_updated`.</summary>
public sealed record ProductUpdated : ProductChanged, IIntegrationEvent
{
    public ProductUpdated(Product product)
        : base(product)
    {
    }

    public static string EventSource => "products";

    public static string EventName => "product_updated";
}

/// <summary>`msg.products.product_deleted`.</summary>
public sealed record ProductDeleted(Guid ProductId) : IIntegrationEvent
{
    public static string EventSource => "products";

    public static string EventName => "product_deleted";
}
