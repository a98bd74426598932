using Shop.Messaging;

namespace Shop.Notifications.IntegrationEvents.Events;

/// <summary>`msg.orders.cart_updated`; itemCount 0 means emptied or checked out.</summary>
public sealed record CartUpdated(Guid UserId, string Email, int ItemCount, decimal Total, DateTimeOffset UpdatedAt) : IIntegrationEvent
{
    public static string EventSource => "orders";

    public static string EventName => "cart_updated";
}
