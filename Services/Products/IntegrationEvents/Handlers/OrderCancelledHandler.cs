using Shop.Messaging;
using Shop.Products.Infrastructure;
using Shop.Products.IntegrationEvents.Events;

namespace Shop.Products.IntegrationEvents.Handlers;

/// <summary>Gives a cancelled order's reserved stock back and says so with `stock_released` (nothing reserved, nothing said).</summary>
public sealed class OrderCancelledHandler(StockLedger ledger) : IIntegrationEventHandler<OrderCancelled>
{
    /// <summary>The durable consumer's name.</summary>
    public const string Consumer = "products-order-cancelled";

    public async Task HandleAsync(OrderCancelled @event, EventContext context, CancellationToken cancellationToken)
    {
        if (await ledger.ReleaseAsync(context.Transaction, @event.OrderId, cancellationToken) is { } released)
        {
            await context.PublishAsync(new StockReleased(@event.OrderId, released), cancellationToken);
        }
    }
}
