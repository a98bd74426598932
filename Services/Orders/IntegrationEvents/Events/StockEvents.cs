using Shop.Messaging;

namespace Shop.Orders.IntegrationEvents.Events;

/// <summary>`msg.products.stock_reserved`, as far as orders reads it.</summary>
public sealed record StockReserved(Guid OrderId) : IIntegrationEvent
{
    public static string EventSource => "products";

    public static string EventName => "stock_reserved";
}

/// <summary>`msg.products.stock_rejected`, as far as orders reads it.</summary>
public sealed record StockRejected(Guid OrderId, string Reason) : IIntegrationEvent
{
    public static string EventSource => "products";

    public static string EventName => "stock_rejected";
}
