using Shop.Gateway.Errors;

namespace Shop.Gateway.OpenApi;

/// <summary>The gateway's own, anonymous documentation routes: `/openapi/{service}.json` and the Swagger UI at `/docs`.</summary>
internal static class OpenApiEndpoints
{
    public const string DocsPath = "docs";

    /// <summary>
    /// The reference UI's own files only: its scripts and stylesheets from `/docs`, the inline styles and data-URI
    /// icons Swagger UI renders, and the documents from `/openapi`; no framing (clickjacking), no other origin.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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

    /// <summary>
    /// Only `/docs/**` enters the Swagger UI middleware, which matches paths with regular expressions; everything it
    /// answers carries the same protective headers as `/admin`.
    /// </summary>
    public static IApplicationBuilder UseApiDocsUi(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/" + DocsPath, StringComparison.OrdinalIgnoreCase),
            docs => docs.Use(ProtectAsync).UseSwaggerUI(options =>
            {
                options.RoutePrefix = DocsPath;
                options.DocumentTitle = "Shop API";
                foreach (var service in ServiceDocuments.Services)
                {
                    options.SwaggerEndpoint($"/openapi/{service}.json", service);
                }
            }));

    private static Task ProtectAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
