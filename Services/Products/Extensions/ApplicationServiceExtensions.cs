using Shop.Data;
using Shop.Messaging;

namespace Shop.Products.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase("productsdb", typeof(Program).Assembly);
        builder.AddMessaging("products");
    }
}
