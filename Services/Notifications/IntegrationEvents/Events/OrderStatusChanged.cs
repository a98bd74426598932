using Shop.Messaging;

namespace Shop.Notifications.IntegrationEvents.Events;

/// <summary>Data of `msg.orders.order_confirmed|order_rejected|order_cancelled|order_shipped|order_delivered` (and of the `order_status` template).</summary>
public record OrderStatusChanged(
    Guid OrderId,
    string Email,
    string Status,
    decimal Total,
    IReadOnlyList<OrderLine>? Items = null,
    string? Reason = null);

public sealed record OrderLine(string Name, int Quantity, decimal LineTotal);

/// <summary>`msg.orders.order_confirmed`.</summary>
public sealed record OrderConfirmed(Guid OrderId, string Email, string Status, decimal Total, IReadOnlyList<OrderLine>? Items = null, string? Reason = null)
    : OrderStatusChanged(OrderId, Email, Status, Total, Items, Reason), IIntegrationEvent
{
    public static string EventSource => "orders";

    public static string EventName => "order_confirmed";
}

/// <summary>`msg.orders.order_rejected`.</summary>
public sealed record OrderRejected(Guid OrderId, string Email, string Status, decimal Total, IReadOnlyList<OrderLine>? Items = null, string? Reason = null)
    : OrderStatusChanged(OrderId, Email, Status, Total, Items, Reason), IIntegrationEvent
{
    public static string EventSource => "orders";

    public static string EventName => "order_rejected";
}

/// <summary>`msg.orders.order_cancelled`.</summary>
public sealed record OrderCancelled(Guid OrderId, string Email, string Status, decimal Total, IReadOnlyList<OrderLine>? Items = null, string? Reason = null)
    : OrderStatusChanged(OrderId, Email, Status, Total, Items, Reason), IIntegrationEvent
{
    public static string EventSource => "orders";

    public static string EventName => "order_cancelled";
}

/// <summary>`msg.orders.order_shipped`.</summary>
public sealed record OrderShipped(Guid OrderId, string Email, string Status, decimal Total, IReadOnlyList<OrderLine>? Items = null, string? Reason = null)
    : OrderStatusChanged(OrderId, Email, Status, Total, Items, Reason), IIntegrationEvent
{
    public static string EventSource => "orders";

    public static string EventName => "order_shipped";
}

/// <summary>`msg.orders.order_delivered`.</summary>
public sealed record OrderDelivered(Guid OrderId, string Email, string Status, decimal Total, IReadOnlyList<OrderLine>? Items = null, string? Reason = null)
    : OrderStatusChanged(OrderId, Email, Status, Total, Items, Reason), IIntegrationEvent
{
    public static string EventSource => "orders";

    public static string EventName => "order_delivered";
}
