using Shop.Messaging;
using Shop.Orders.Application;
using Shop.Orders.IntegrationEvents.Events;
using Shop.Orders.Model;

namespace Shop.Orders.IntegrationEvents.Handlers;

/// <summary>
/// A pending order becomes confirmed when its stock is reserved and rejected when it is not. An outcome for an
/// order that already moved on (cancelled meanwhile, or a duplicate) changes nothing: products releases the stock
/// of a cancelled order on its own when it sees the cancel.
/// </summary>
public sealed class StockOutcomeHandler(OrderTransitions transitions) : IIntegrationEventHandler<StockReserved>, IIntegrationEventHandler<StockRejected>
{
    public Task HandleAsync(StockReserved @event, EventContext context, CancellationToken cancellationToken) =>
        transitions.MoveAsync(context.Transaction, @event.OrderId, OrderActor.Stock, customerId: null, OrderStatus.Confirmed, reason: null, cancellationToken);

    public Task HandleAsync(StockRejected @event, EventContext context, CancellationToken cancellationToken) =>
        transitions.MoveAsync(context.Transaction, @event.OrderId, OrderActor.Stock, customerId: null, OrderStatus.Rejected, @event.Reason, cancellationToken);
}
