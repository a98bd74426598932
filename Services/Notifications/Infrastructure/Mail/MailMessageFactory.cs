using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>A claimed mail as a MIME message: multipart/alternative with the text and the HTML part, UTF-8 in base64.</summary>
internal sealed class MailMessageFactory(IOptions<NotificationOptions> options)
{
    private readonly MailboxAddress from = MailboxAddress.Parse(options.Value.From);

    /// <summary>
    /// The Message-ID is derived from the mail's row id, so if a crash makes us send a mail twice, both copies carry
    /// the same id and mail clients can tell it is one mail.
    /// </summary>
    public string MessageId(Guid mailId) => $"{mailId:N}@{from.Domain}";

    public MimeMessage Create(ClaimedMail mail)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = DateTimeOffset.UtcNow,
            MessageId = MessageId(mail.Id),
            Body = new MultipartAlternative { Part("plain", mail.TextBody), Part("html", mail.HtmlBody) },
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(string.Empty, mail.Recipient));
        return message;
    }

    /// <summary>Base64 keeps the text exactly as rendered, in canonical form (CRLF line ends, RFC 2045).</summary>
    private static TextPart Part(string subtype, string content)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, content.ReplaceLineEndings("\r\n"));
        return part;
    }
}
