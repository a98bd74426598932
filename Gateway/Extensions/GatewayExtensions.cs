using Shop.Gateway.Analytics;
using Shop.Gateway.Correlation;
using Shop.Gateway.Errors;
using Shop.Gateway.Limits;
using Shop.Gateway.OpenApi;
using Shop.Gateway.Routing;
using Shop.Gateway.Security;
using Shop.ServiceDefaults.Errors;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace Shop.Gateway.Extensions;

internal static class GatewayExtensions
{
    public static void AddGateway(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.Section));
        services.AddSingleton(TimeProvider.System);

        // Every error the gateway answers itself is already ProblemDetails (GatewayProblems), and proxied answers
        // pass through as the service wrote them, so status code pages would only cost every request its work.
        services.Configure<ErrorResponseOptions>(errors => errors.StatusCodePages = false);

        services.AddHttpClient(SigningKeyStore.HttpClientName);
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddHostedService<SigningKeyPrefetch>();
        services.AddHttpClient(RevocationPoller.HttpClientName);
        services.AddSingleton<RevocationList>();
        services.AddHostedService<RevocationPoller>();

        services.AddTrustedProxies(builder.Configuration);
        builder.AddGatewayRateLimits();

        services.AddSingleton<IProxyConfigProvider, PublicRoutes>();
        services.AddSingleton<IForwarderHttpClientFactory, GatewayHttpClientFactory>();
        services.AddSingleton<IPassiveHealthCheckPolicy, ConnectFailurePolicy>();
        services.AddReverseProxy()
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(transforms => transforms.RequestTransforms.Add(new IdentityHeadersTransform()));

        services.AddHttpClient(ServiceDocuments.HttpClientName);
        services.AddSingleton<ServiceDocuments>();

        builder.AddAnalytics();
    }

    /// <summary>Before the endpoints: correlation id on everything, then rate limits, the docs UI and the access check.</summary>
    public static void UseGateway(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseRouting();
        app.UseGatewayRateLimits();
        app.UseApiDocsUi();
        app.UseMiddleware<AccessControlMiddleware>();
    }

    /// <summary>The public routes (proxied or, for analytics, answered here), the gateway's own documentation routes, and 404 for everything else.</summary>
    public static void MapGateway(this WebApplication app)
    {
        app.MapOpenApiDocuments();
        app.MapAnalytics();
        app.MapReverseProxy(proxy =>
            {
                proxy.Use(UpstreamErrors.HandleAsync);
                proxy.UseLoadBalancing();
                proxy.UsePassiveHealthChecks();
            })
            .ConfigureEndpoints((endpoint, route) => endpoint.WithMetadata(PublicRoutes.RuleOf(route)));

        // Also catches a known path with a method the table does not list, which routing would answer 405.
        app.MapFallback("{**path}", context => GatewayProblems.WriteAsync(context, StatusCodes.Status404NotFound));
    }
}
