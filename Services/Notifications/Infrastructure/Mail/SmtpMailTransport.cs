using System.Net.Mail;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>Hands one mail to the `mail` SMTP server (contract.md section 2: `Endpoint=smtp://host:port`, optional credentials).</summary>
internal sealed class SmtpMailTransport(MailConnectionInfo server, IOptions<NotificationOptions> options)
{
    private readonly MailAddress from = new(options.Value.From);

    /// <summary>
    /// The Message-ID is derived from the mail's row id, so if a crash makes us send a mail twice, both copies carry
    /// the same id and mail clients can tell it is one mail. Returns as soon as the server accepted the message.
    /// </summary>
    public async Task SendAsync(ClaimedMail mail, CancellationToken cancellationToken)
    {
        var message = MimeMessage.Write(from, mail.Recipient, mail.Subject, mail.TextBody, mail.HtmlBody, MessageId(mail.Id), DateTimeOffset.UtcNow);
        await using var session = await SmtpSession.OpenAsync(server.Host, server.Port, cancellationToken);
        var extensions = await session.HelloAsync(Environment.MachineName, cancellationToken);
        if (server.Username is not null && extensions.Any(extension => extension.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase)))
        {
            await session.AuthenticateAsync(server.Username, server.Password ?? string.Empty, cancellationToken);
        }

        await session.SendAsync(from.Address, mail.Recipient, message, cancellationToken);
        await session.QuitAsync();
    }

    public string MessageId(Guid mailId) => $"<{mailId:N}@{from.Host}>";
}
