using Shop.Data;
using Shop.Messaging;
using Shop.Products.Infrastructure;
using Shop.Products.IntegrationEvents;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Products.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase("productsdb", typeof(Program).Assembly);
        builder.AddMessaging("products")
            .AddConsumer<OrderEventsHandler>("products-orders", "msg.orders.>");

        // The gateway checked the token already; checking it again here keeps a direct call inside the cluster honest.
        builder.AddDefaultAuthentication();
        builder.Services.AddOpenApi();

        builder.Services.AddSingleton<ProductRepository>();
        builder.Services.AddSingleton<StockLedger>();
    }
}
