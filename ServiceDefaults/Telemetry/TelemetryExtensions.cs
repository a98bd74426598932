using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Shop.ServiceDefaults.Telemetry;

/// <summary>
/// Traces, metrics and logs over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the Aspire dashboard or a collector).
/// OpenTelemetry.Extensions.Hosting and the instrumentation packages are not restorable here, so this wires the
/// SDK's providers into the host itself and listens to the sources .NET 10 already emits.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Activity sources and meters of our own code start with this prefix.</summary>
    public const string ShopSourcePrefix = "Shop";

    private static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Npgsql",
        ShopSourcePrefix + ".*",
    ];

    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http",
        "System.Runtime",
        "Npgsql",
        ShopSourcePrefix + ".*",
    ];

    public static bool IsOtlpEnabled(this IHostApplicationBuilder builder) =>
        !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        if (!builder.IsOtlpEnabled())
        {
            return builder;
        }

        // The SDK reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES from the environment.
        var resource = ResourceBuilder.CreateDefault().AddService(builder.Environment.ApplicationName);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.AddOtlpExporter();
        });

        builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(ActivitySources)
            .AddOtlpExporter()
            .Build());
        builder.Services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Meters)
            .AddOtlpExporter()
            .Build());
        builder.Services.AddHostedService<TelemetryProvidersHost>();
        return builder;
    }
}
