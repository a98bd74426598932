using Shop.Messaging;
using Shop.Orders.Application;
using Shop.Orders.Model;

namespace Shop.Orders.IntegrationEvents;

/// <summary>
/// `msg.products.>`: a pending order becomes confirmed when its stock is reserved and rejected when it is not.
/// An outcome for an order that already moved on (cancelled meanwhile, or a duplicate) changes nothing: products
/// releases the stock of a cancelled order on its own when it sees the cancel.
/// </summary>
public sealed class StockEventsHandler(OrderTransitions transitions) : IIntegrationEventHandler
{
    public async Task HandleAsync(CloudEvent @event, EventContext context, CancellationToken cancellationToken)
    {
        var status = @event.EventName switch
        {
            "stock_reserved" => OrderStatus.Confirmed,
            "stock_rejected" => OrderStatus.Rejected,
            _ => null,
        };
        if (status is null)
        {
            return;
        }

        var outcome = @event.GetData<StockOutcome>();
        await transitions.MoveAsync(context.Transaction, outcome.OrderId, OrderActor.Stock, customerId: null, status, outcome.Reason, cancellationToken);
    }
}
