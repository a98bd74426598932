using Shop.Messaging;
using Shop.Products.Infrastructure;

namespace Shop.Products.IntegrationEvents;

/// <summary>
/// `order_placed` and `order_cancelled`: reserves stock for a placed order (all lines or none) and gives it back
/// when the order is cancelled. The stock ledger makes both safe against redelivery and against a cancel that
/// overtakes its order.
/// </summary>
public sealed class OrderEventsHandler(StockLedger ledger) : IIntegrationEventHandler
{
    public const string OrderPlaced = "order_placed";
    public const string OrderCancelled = "order_cancelled";
    public const string PlacedConsumer = "products-order-placed";
    public const string CancelledConsumer = "products-order-cancelled";

    public async Task HandleAsync(CloudEvent @event, EventContext context, CancellationToken cancellationToken)
    {
        switch (@event.EventName)
        {
            case OrderPlaced:
                var placed = @event.GetData<OrderStockRequest>();
                var reservation = await ledger.ReserveAsync(context.Transaction, placed.OrderId, placed.Items, cancellationToken);
                if (reservation.Status == ReservationStatus.Reserved)
                {
                    await context.PublishAsync("stock_reserved", new StockReserved(placed.OrderId, placed.Items), cancellationToken);
                }
                else if (reservation.Status == ReservationStatus.Rejected)
                {
                    await context.PublishAsync("stock_rejected", new StockRejected(placed.OrderId, reservation.Reason!, placed.Items), cancellationToken);
                }

                break;
            case OrderCancelled:
                var cancelled = @event.GetData<OrderStockRequest>();
                if (await ledger.ReleaseAsync(context.Transaction, cancelled.OrderId, cancellationToken) is { } released)
                {
                    await context.PublishAsync("stock_released", new StockReleased(cancelled.OrderId, released), cancellationToken);
                }

                break;
        }
    }
}
