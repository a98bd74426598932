using Shop.Data;
using Shop.Messaging;
using Shop.Orders.Application;
using Shop.Orders.Infrastructure;
using Shop.Orders.IntegrationEvents.Events;
using Shop.Orders.IntegrationEvents.Handlers;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Orders.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase("ordersdb", typeof(Program).Assembly);
        builder.AddMessaging("orders")
            .AddConsumer("orders-stock", consumer => consumer
                .On<StockReserved, StockOutcomeHandler>()
                .On<StockRejected, StockOutcomeHandler>());

        // The gateway checked the token already; checking it again here keeps a direct call inside the cluster honest.
        builder.AddDefaultAuthentication();
        builder.Services.AddOpenApi();

        // `http://products` is resolved by service discovery (services__products__http__N, round robin).
        builder.Services.AddHttpClient<CatalogClient>(http =>
        {
            http.BaseAddress = new Uri("http://products");
            http.Timeout = TimeSpan.FromSeconds(10);
        });

        builder.Services.AddSingleton<CartStore>();
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddScoped<CartService>();
        builder.Services.AddScoped<OrderPlacement>();
        builder.Services.AddScoped<OrderTransitions>();
    }
}
