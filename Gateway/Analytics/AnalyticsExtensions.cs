using Shop.Access;
using Shop.Gateway.Correlation;
using Shop.Gateway.Routing;

namespace Shop.Gateway.Analytics;

/// <summary>The analytics part of the gateway: `GET /stats` and the `/admin` page (contract.md section 3, Analytics).</summary>
internal static class AnalyticsExtensions
{
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AnalyticsOptions>(builder.Configuration.GetSection(AnalyticsOptions.Section));
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; StatsCollector retries within its own deadline.
        builder.Services.AddHttpClient(StatsCollector.HttpClientName, http => http.MaxResponseContentBufferSize = ServiceAnswers.MaxBytes)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<StatsCollector>();
        return builder;
    }

    /// <summary>
    /// Both table routes carry their <see cref="AccessRule"/>, so the access check (401/403), the raw-path check and
    /// the rate limiter treat them like every proxied route. The page's script and style sheet are gateway-own files.
    /// </summary>
    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/stats", async (StatsCollector stats, HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                var correlationId = context.Request.Headers[CorrelationIdMiddleware.Header].ToString();
                return TypedResults.Ok(await stats.CollectAsync(correlationId, context.RequestAborted));
            })
            .WithMetadata(Rule("/stats"));

        app.MapGet("/admin", (HttpContext context) => AdminPage.Write(context, AdminPage.Html)).WithMetadata(Rule("/admin"));
        app.MapGet(AdminPage.Script.Path, (HttpContext context) => AdminPage.Write(context, AdminPage.Script));
        app.MapGet(AdminPage.Styles.Path, (HttpContext context) => AdminPage.Write(context, AdminPage.Styles));
        return app;
    }

    private static AccessRule Rule(string template) =>
        AccessTable.Rules.Single(rule => rule.Method == HttpMethods.Get && rule.Template == template && rule.Service == PublicRoutes.GatewayService);
}
