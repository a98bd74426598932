using System.Text.Json.Serialization;
using Npgsql;
using Shop.Messaging;
using Shop.Orders.Model;

namespace Shop.Orders.IntegrationEvents.Events;

/// <summary>Data of every `order_*` event (docs/events.md); `reason` only when there is one (a rejection).</summary>
public abstract record OrderEvent
{
    protected OrderEvent(Order order)
    {
        OrderId = order.Id;
        UserId = order.UserId;
        Email = order.Email;
        Status = order.Status;
        Items = order.Items;
        Total = order.Total;
        Reason = order.Reason;
    }

    public Guid OrderId { get; }

    public Guid UserId { get; }

    public string Email { get; }

    public string Status { get; }

    public IReadOnlyList<PricedLine> Items { get; }

    public decimal Total { get; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; }

    /// <summary>The event announcing that <paramref name="order"/> reached its status: `order_placed` for a new one.</summary>
    public static OrderEvent Announcing(Order order) => order.Status switch
    {
        OrderStatus.Pending => new OrderPlaced(order),
        OrderStatus.Confirmed => new OrderConfirmed(order),
        OrderStatus.Rejected => new OrderRejected(order),
        OrderStatus.Cancelled => new OrderCancelled(order),
        OrderStatus.Shipped => new OrderShipped(order),
        OrderStatus.Delivered => new OrderDelivered(order),
        _ => throw new ArgumentOutOfRangeException(nameof(order), order.Status, "An order status no event announces."),
    };

    /// <summary>Writes this event to <paramref name="outbox"/> under its own contract.</summary>
    public abstract Task<Guid> EnqueueAsync(Outbox outbox, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}

/// <summary>An `order_*` event of type <typeparamref name="TSelf"/>: its contract is what it is enqueued under.</summary>
public abstract record OrderEvent<TSelf> : OrderEvent
    where TSelf : OrderEvent<TSelf>, IIntegrationEvent
{
    protected OrderEvent(Order order)
        : base(order)
    {
    }

    public static string EventSource => "orders";

    public override Task<Guid> EnqueueAsync(Outbox outbox, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(transaction, (TSelf)this, cancellationToken);
}
