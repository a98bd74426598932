using Shop.Messaging;

namespace Shop.Notifications.IntegrationEvents.Events;

/// <summary>`msg.orders.order_placed`: only who ordered matters here (it ends their cart reminder).</summary>
public sealed record OrderPlaced(Guid UserId) : IIntegrationEvent
{
    public static string EventSource => "orders";

    public static string EventName => "order_placed";
}
