using MailKit.Net.Smtp;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>Ready when a session opens as every sender's does (greeting, STARTTLS as configured, AUTH with the configured login), then QUIT.</summary>
internal sealed class SmtpHealthCheck(SmtpConnector connector) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var server = $"SMTP {connector.Server.Host}:{connector.Server.Port}";
        using var client = new SmtpClient();
        try
        {
            using var socket = await connector.ConnectAsync(client, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return HealthCheckResult.Healthy($"{server} answers");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return HealthCheckResult.Unhealthy($"{server} does not accept us: {SmtpFailure.Describe(exception)}");
        }
    }
}
