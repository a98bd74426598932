using Shop.Messaging;
using Shop.Products.Model;

namespace Shop.Products.IntegrationEvents.Events;

/// <summary>`msg.products.stock_reserved`: every line of the order is reserved.</summary>
public sealed record StockReserved(Guid OrderId, IReadOnlyList<StockLine> Items) : IIntegrationEvent
{
    public static string EventSource => "products";

    public static string EventName => "stock_reserved";
}

/// <summary>`msg.products.stock_rejected`: none is, because of <paramref name="Reason"/>.</summary>
public sealed record StockRejected(Guid OrderId, string Reason, IReadOnlyList<StockLine> Items) : IIntegrationEvent
{
    public static string EventSource => "products";

    public static string EventName => "stock_rejected";
}

/// <summary>`msg.products.stock_released`: a cancelled order's reservation went back to stock.</summary>
public sealed record StockReleased(Guid OrderId, IReadOnlyList<StockLine> Items) : IIntegrationEvent
{
    public static string EventSource => "products";

    public static string EventName => "stock_released";
}
