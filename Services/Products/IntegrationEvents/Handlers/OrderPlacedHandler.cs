using Shop.Messaging;
using Shop.Products.Infrastructure;
using Shop.Products.IntegrationEvents.Events;

namespace Shop.Products.IntegrationEvents.Handlers;

/// <summary>
/// Reserves stock for a placed order, all lines or none, and answers with `stock_reserved` or `stock_rejected`.
/// The stock ledger makes this safe against redelivery and against a cancel that overtook its order.
/// </summary>
public sealed class OrderPlacedHandler(StockLedger ledger) : IIntegrationEventHandler<OrderPlaced>
{
    /// <summary>The durable consumer's name.</summary>
    public const string Consumer = "products-order-placed";

    public async Task HandleAsync(OrderPlaced @event, EventContext context, CancellationToken cancellationToken)
    {
        var reservation = await ledger.ReserveAsync(context.Transaction, @event.OrderId, @event.Items, cancellationToken);
        if (reservation.Status == ReservationStatus.Reserved)
        {
            await context.PublishAsync(new StockReserved(@event.OrderId, @event.Items), cancellationToken);
        }
        else if (reservation.Status == ReservationStatus.Rejected)
        {
            await context.PublishAsync(new StockRejected(@event.OrderId, reservation.Reason!, @event.Items), cancellationToken);
        }
    }
}
