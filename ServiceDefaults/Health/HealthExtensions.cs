using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Shop.ServiceDefaults.Health;

/// <summary>
/// `/alive` answers while the process runs; `/health` answers 200 only when every dependency of the service answers.
/// Both are mapped in every environment so Kubernetes can probe them; the gateway never routes them.
/// </summary>
public static class HealthExtensions
{
    public const string LivePath = "/alive";
    public const string ReadyPath = "/health";

    /// <summary>Checks with this tag decide liveness; every check decides readiness.</summary>
    public const string LiveTag = "live";

    /// <summary>A dependency check that takes longer than this counts as failed, so probes answer quickly.</summary>
    public static readonly TimeSpan DependencyTimeout = TimeSpan.FromSeconds(3);

    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>Registers a readiness check for one dependency, with the shared timeout.</summary>
    public static IHealthChecksBuilder AddDependencyCheck<TCheck>(this IHealthChecksBuilder builder, string name)
        where TCheck : class, IHealthCheck =>
        builder.AddCheck<TCheck>(name, HealthStatus.Unhealthy, [], DependencyTimeout);

    internal static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks(LivePath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
    }

    /// <summary>`/health` or `/alive`: kept out of traces and rate limits.</summary>
    public static bool IsProbe(PathString path) =>
        path.Equals(ReadyPath, StringComparison.OrdinalIgnoreCase) || path.Equals(LivePath, StringComparison.OrdinalIgnoreCase);
}
