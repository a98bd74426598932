using System.Text.Json.Serialization;
using Shop.Orders.Model;

namespace Shop.Orders.IntegrationEvents;

/// <summary>Data of every `order_*` event (docs/events.md); `reason` only when there is one (a rejection).</summary>
public sealed record OrderEventData(
    Guid OrderId,
    Guid UserId,
    string Email,
    string Status,
    IReadOnlyList<PricedLine> Items,
    decimal Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason)
{
    public static OrderEventData From(Order order) =>
        new(order.Id, order.UserId, order.Email, order.Status, order.Items, order.Total, order.Reason);
}

/// <summary>Data of `cart_updated`: itemCount is units in the cart, 0 when emptied or checked out.</summary>
public sealed record CartUpdated(Guid UserId, string Email, int ItemCount, decimal Total, DateTime UpdatedAt);

/// <summary>What orders reads from `stock_reserved` and `stock_rejected`.</summary>
public sealed record StockOutcome(Guid OrderId, string? Reason = null);
