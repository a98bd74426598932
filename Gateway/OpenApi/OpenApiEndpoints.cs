using Shop.Gateway.Errors;

namespace Shop.Gateway.OpenApi;

/// <summary>The gateway's own, anonymous documentation routes: `/openapi/{service}.json` and the Swagger UI at `/docs`.</summary>
internal static class OpenApiEndpoints
{
    public const string DocsPath = "docs";

    public static IEndpointRouteBuilder MapOpenApiDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/openapi/{service}.json", async (string service, ServiceDocuments documents, HttpContext context) =>
        {
            if (!ServiceDocuments.Services.Contains(service, StringComparer.Ordinal))
            {
                await GatewayProblems.WriteAsync(context, StatusCodes.Status404NotFound);
                return;
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(await documents.GetAsync(service, context.RequestAborted), context.RequestAborted);
        });
        return app;
    }

    /// <summary>Only `/docs/**` enters the Swagger UI middleware, which matches paths with regular expressions.</summary>
    public static IApplicationBuilder UseApiDocsUi(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/" + DocsPath, StringComparison.OrdinalIgnoreCase),
            docs => docs.UseSwaggerUI(options =>
            {
                options.RoutePrefix = DocsPath;
                options.DocumentTitle = "Shop API";
                foreach (var service in ServiceDocuments.Services)
                {
                    options.SwaggerEndpoint($"/openapi/{service}.json", service);
                }
            }));
}
