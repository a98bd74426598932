using Shop.Data;
using Shop.Messaging;
using Shop.Products.Infrastructure;
using Shop.Products.IntegrationEvents.Events;
using Shop.Products.IntegrationEvents.Handlers;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Products.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase("productsdb", typeof(Program).Assembly);
        // Only these two order events concern stock: one durable consumer each (NATS 2.9 filters on one subject), so
        // cart and order-status events never cost products a transaction, and placements do not queue behind
        // cancels. The stock ledger is right whichever of the two it sees first.
        builder.AddMessaging("products")
            .AddConsumer(OrderPlacedHandler.Consumer, consumer => consumer.On<OrderPlaced, OrderPlacedHandler>())
            .AddConsumer(OrderCancelledHandler.Consumer, consumer => consumer.On<OrderCancelled, OrderCancelledHandler>());

        // The gateway checked the token already; checking it again here keeps a direct call inside the cluster honest.
        builder.AddDefaultAuthentication();
        builder.Services.AddOpenApi();

        builder.Services.AddSingleton<ProductRepository>();
        builder.Services.AddSingleton<StockLedger>();
    }
}
