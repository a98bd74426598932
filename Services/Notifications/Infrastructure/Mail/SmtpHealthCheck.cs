using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>Ready when the SMTP server greets us with 220: the same opening every send makes, then a QUIT.</summary>
internal sealed class SmtpHealthCheck(MailConnectionInfo mail) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = await SmtpSession.OpenAsync(mail.Host, mail.Port, cancellationToken);
            await session.QuitAsync();
            return HealthCheckResult.Healthy($"SMTP {mail.Host}:{mail.Port} answers");
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException or SmtpReplyException)
        {
            return HealthCheckResult.Unhealthy($"SMTP {mail.Host}:{mail.Port} does not answer: {exception.Message}");
        }
    }
}
