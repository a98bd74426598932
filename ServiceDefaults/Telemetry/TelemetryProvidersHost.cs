using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Shop.ServiceDefaults.Telemetry;

/// <summary>
/// Creates the tracer and meter providers when the host starts (so listening begins before the first request)
/// and flushes them when it stops. This is the part OpenTelemetry.Extensions.Hosting would normally do.
/// </summary>
internal sealed class TelemetryProvidersHost(TracerProvider tracerProvider, MeterProvider meterProvider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracerProvider.ForceFlush(5000);
        meterProvider.ForceFlush(5000);
        return Task.CompletedTask;
    }
}
