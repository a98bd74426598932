using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace Shop.Notifications.Benchmarks;

/// <summary>
/// The reference: the benchmark hands mails of the same shape (text and HTML) to maildev itself with
/// System.Net.Mail, no service, queue or database in between.
/// </summary>
internal sealed class DirectSmtp(string host, int port)
{
    public async Task SendAsync(string to, string subject)
    {
        using var client = new SmtpClient(host, port);
        using var message = new MailMessage("bench@example.test", to, subject, "A reference mail.\n");
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString("<p>A reference mail.</p>", Encoding.UTF8, MediaTypeNames.Text.Html));
        await client.SendMailAsync(message);
    }
}
