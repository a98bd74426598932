using Shop.Messaging;
using Shop.Orders.Model;

namespace Shop.Orders.IntegrationEvents.Events;

// A primary constructor would make the order a property of the event's data: these pass it to the base instead.

/// <summary>`msg.orders.order_placed`: a new order, pending until products answers.</summary>
public sealed record OrderPlaced : OrderEvent<OrderPlaced>, IIntegrationEvent
{
    public OrderPlaced(Order order)
        : base(order)
    {
    }

    public static string EventName => "order_placed";
}

/// <summary>`msg.orders.order_confirmed`: stock reserved.</summary>
public sealed record OrderConfirmed : OrderEvent<OrderConfirmed>, IIntegrationEvent
{
    public OrderConfirmed(Order order)
        : base(order)
    {
    }

    public static string EventName => "order_confirmed";
}

/// <summary>`msg.orders.order_rejected`: not enough stock; `reason` says which.</summary>
public sealed record OrderRejected : OrderEvent<OrderRejected>, IIntegrationEvent
{
    public OrderRejected(Order order)
        : base(order)
    {
    }

    public static string EventName => "order_rejected";
}

/// <summary>`msg.orders.order_cancelled`: by the customer.</summary>
public sealed record OrderCancelled : OrderEvent<OrderCancelled>, IIntegrationEvent
{
    public OrderCancelled(Order order)
        : base(order)
    {
    }

    public static string EventName => "order_cancelled";
}

/// <summary>`msg.orders.order_shipped`: by an admin.</summary>
public sealed record OrderShipped : OrderEvent<OrderShipped>, IIntegrationEvent
{
    public OrderShipped(Order order)
        : base(order)
    {
    }

    public static string EventName => "order_shipped";
}

/// <summary>`msg.orders.order_delivered`: by an admin.</summary>
public sealed record OrderDelivered : OrderEvent<OrderDelivered>, IIntegrationEvent
{
    public OrderDelivered(Order order)
        : base(order)
    {
    }

    public static string EventName => "order_delivered";
}
