using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Shop.Notifications.Infrastructure.Mail;

namespace Shop.Notifications.Benchmarks;

/// <summary>
/// The references: the benchmark hands a mail of the same shape (text and HTML) to maildev itself, with no service,
/// queue or database in between; once with the service's own SMTP conversation, once with System.Net.Mail's
/// SmtpClient (which the service used first, see SmtpSession).
/// </summary>
internal sealed class DirectSmtp(string host, int port)
{
    private static readonly MailAddress From = new("bench@example.test");

    public async Task SendWithSessionAsync(string to, string subject)
    {
        var message = MimeMessage.Write(From, to, subject, "A reference mail.\n", "<p>A reference mail.</p>", $"<{Guid.NewGuid():N}@example.test>", DateTimeOffset.UtcNow);
        await using var session = await SmtpSession.OpenAsync(host, port, CancellationToken.None);
        await session.HelloAsync(Environment.MachineName, CancellationToken.None);
        await session.SendAsync(From.Address, to, message, CancellationToken.None);
        await session.QuitAsync();
    }

    public async Task SendWithSmtpClientAsync(string to, string subject)
    {
        using var client = new SmtpClient(host, port);
        using var message = new MailMessage(From.Address, to, subject, "A reference mail.\n");
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString("<p>A reference mail.</p>", Encoding.UTF8, MediaTypeNames.Text.Html));
        await client.SendMailAsync(message);
    }
}
