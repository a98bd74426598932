using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>Ready when the SMTP server greets us with 220 (System.Net.Mail has no "ping", so we speak the first line ourselves).</summary>
internal sealed class SmtpHealthCheck(MailConnectionInfo mail) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(mail.Host, mail.Port, cancellationToken);
            await using var stream = client.GetStream();
            var buffer = new byte[512];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            var greeting = Encoding.ASCII.GetString(buffer, 0, read);
            await stream.WriteAsync("QUIT\r\n"u8.ToArray(), cancellationToken);
            return greeting.StartsWith("220", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy($"SMTP {mail.Host}:{mail.Port} answers")
                : HealthCheckResult.Unhealthy($"SMTP {mail.Host}:{mail.Port} greeted with '{greeting.Trim()}'");
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"SMTP {mail.Host}:{mail.Port} does not answer: {exception.Message}");
        }
    }
}
