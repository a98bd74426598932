using Shop.Messaging;

namespace Shop.Orders.IntegrationEvents.Events;

/// <summary>`msg.orders.cart_updated`: itemCount is units in the cart, 0 when emptied or checked out.</summary>
public sealed record CartUpdated(Guid UserId, string Email, int ItemCount, decimal Total, DateTime UpdatedAt) : IIntegrationEvent
{
    public static string EventSource => "orders";

    public static string EventName => "cart_updated";
}
