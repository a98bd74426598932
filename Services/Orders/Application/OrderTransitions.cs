using Npgsql;
using Shop.Messaging;
using Shop.Orders.Infrastructure;
using Shop.Orders.IntegrationEvents.Events;
using Shop.Orders.Model;

namespace Shop.Orders.Application;

/// <summary>
/// Moves an order along the state machine inside the caller's transaction and announces the move through the
/// outbox; the same path serves the customer's cancel, the admin's status change and the stock events.
/// </summary>
public sealed class OrderTransitions(OrderStore orders, Outbox outbox)
{
    /// <summary>
    /// Moves the order to <paramref name="status"/> if <paramref name="actor"/> may set it and the state machine allows
    /// it from the current status. A customer only finds their own orders (anyone else's is "not found").
    /// </summary>
    public async Task<Transition> MoveAsync(NpgsqlTransaction transaction, Guid orderId, OrderActor actor, Guid? customerId, string status, string? reason, CancellationToken cancellationToken)
    {
        var ownerId = actor == OrderActor.Customer ? customerId ?? throw new ArgumentNullException(nameof(customerId)) : (Guid?)null;
        if (await orders.LockAsync(transaction, orderId, ownerId, cancellationToken) is not { } order)
        {
            return new Transition(TransitionOutcome.NotFound, null);
        }

        if (!OrderStatus.MaySet(actor, status) || !OrderStatus.CanMove(order.Status, status))
        {
            return new Transition(TransitionOutcome.Refused, order);
        }

        var moved = await orders.SetStatusAsync(transaction, order, status, reason, cancellationToken);
        await OrderEvent.Announcing(moved).EnqueueAsync(outbox, transaction, cancellationToken);
        return new Transition(TransitionOutcome.Moved, moved);
    }
}

public enum TransitionOutcome
{
    Moved,
    NotFound,

    /// <summary>The state machine does not allow the move from the order's current status.</summary>
    Refused,
}

/// <summary>The outcome and the order as it is now (null when not found).</summary>
public sealed record Transition(TransitionOutcome Outcome, Order? Order);
