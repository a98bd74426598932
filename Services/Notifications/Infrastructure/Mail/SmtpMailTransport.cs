using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>Hands one mail to the `mail` SMTP server (System.Net.Mail: MailKit cannot be restored here).</summary>
internal sealed class SmtpMailTransport(MailConnectionInfo server, IOptions<NotificationOptions> options)
{
    private readonly MailAddress from = new(options.Value.From);

    /// <summary>
    /// Sends text and HTML as multipart/alternative. The Message-ID is derived from the mail's row id, so if a crash
    /// makes us send a mail twice, both copies carry the same id and mail clients can tell it is one mail.
    /// </summary>
    public async Task SendAsync(ClaimedMail mail, CancellationToken cancellationToken)
    {
        using var message = new MailMessage
        {
            From = from,
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = mail.TextBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(mail.Recipient));
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
        message.Headers.Add("Message-ID", MessageId(mail.Id));

        using var client = new SmtpClient(server.Host, server.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            UseDefaultCredentials = false,
            Credentials = server.Username is null ? null : new NetworkCredential(server.Username, server.Password),
        };
        await client.SendMailAsync(message, cancellationToken);
    }

    public string MessageId(Guid mailId) => $"<{mailId:N}@{from.Host}>";
}
