namespace Shop.Notifications.IntegrationEvents.Events;

/// <summary>`msg.orders.order_confirmed|order_rejected|order_cancelled|order_shipped|order_delivered`.</summary>
public sealed record OrderStatusChanged(
    Guid OrderId,
    string Email,
    string Status,
    decimal Total,
    IReadOnlyList<OrderLine>? Items = null,
    string? Reason = null);

public sealed record OrderLine(string Name, int Quantity, decimal LineTotal);
