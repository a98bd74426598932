using Shop.Messaging;
using Shop.Products.Model;

namespace Shop.Products.IntegrationEvents.Events;

/// <summary>`msg.orders.order_placed`, as far as products reads it (the rest of its data is for others).</summary>
public sealed record OrderPlaced(Guid OrderId, IReadOnlyList<StockLine> Items) : IIntegrationEvent
{
    public static string EventSource => "orders";

    public static string EventName => "order_placed";
}

/// <summary>`msg.orders.order_cancelled`, as far as products reads it.</summary>
public sealed record OrderCancelled(Guid OrderId) : IIntegrationEvent
{
    public static string EventSource => "orders";

    public static string EventName => "order_cancelled";
}
