using Shop.Data;
using Shop.Messaging;

namespace Shop.Orders.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase("ordersdb", typeof(Program).Assembly);
        builder.AddMessaging("orders");
    }
}
