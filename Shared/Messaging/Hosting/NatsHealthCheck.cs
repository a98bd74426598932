using Microsoft.Extensions.Diagnostics.HealthChecks;
using NATS.Client.Core;

namespace Shop.Messaging;

/// <summary>Ready when the connection is open and the server answers a PING.</summary>
internal sealed class NatsHealthCheck(INatsConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connection.ConnectionState != NatsConnectionState.Open)
        {
            return HealthCheckResult.Unhealthy($"NATS connection is {connection.ConnectionState}");
        }

        try
        {
            var roundTrip = await connection.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"NATS answers in {roundTrip.TotalMilliseconds:0.0} ms");
        }
        catch (Exception exception) when (exception is NatsException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"NATS does not answer: {exception.Message}");
        }
    }
}
