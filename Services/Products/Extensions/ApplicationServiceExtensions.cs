using Shop.Data;

namespace Shop.Products.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase("productsdb", typeof(Program).Assembly);
    }
}
