using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Errors;
using Shop.ServiceDefaults.Health;
using Shop.ServiceDefaults.ServiceDiscovery;
using Shop.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every Shop process shares: telemetry, health, ProblemDetails, strict JSON and service discovery.</summary>
public static class Extensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddDefaultProblemDetails();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());

        // Runs before the app's own middleware: errors become ProblemDetails and probes stay out of traces.
        builder.Services.AddTransient<IStartupFilter, ServiceDefaultsStartupFilter>();
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        return app;
    }
}
