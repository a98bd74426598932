using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.Infrastructure.Mail;

namespace Shop.Notifications.Tests;

/// <summary>The message handed to the SMTP server, written out and parsed back as a mail client would.</summary>
public sealed class MailMessageFactoryTests
{
    private static readonly MailMessageFactory Factory = new(Options.Create(new NotificationOptions { From = "\"Shop, Inc.\" <no-reply@shop.example>" }));

    [Fact]
    public void Text_and_html_travel_as_alternatives_in_utf8_with_crlf_lines()
    {
        var parsed = RoundTrip(Mail("Hello", "Grüße\nzweite Zeile", "<p>Grüße</p>"));

        var body = Assert.IsType<MultipartAlternative>(parsed.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(part => part.ContentType.MimeType));
        Assert.All(body.OfType<TextPart>(), part => Assert.Equal(ContentEncoding.Base64, part.ContentTransferEncoding));
        Assert.Equal(["Grüße\r\nzweite Zeile", "<p>Grüße</p>"], body.OfType<TextPart>().Select(Decoded));
    }

    [Fact]
    public void The_message_id_is_the_row_id_at_the_from_domain_and_the_from_name_survives_its_comma()
    {
        var mail = Mail("Hello", "t", "h");

        var parsed = RoundTrip(mail);

        Assert.Equal($"{mail.Id:N}@shop.example", parsed.MessageId);
        Assert.Equal(Factory.MessageId(mail.Id), parsed.MessageId);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(parsed.From));
        Assert.Equal(("Shop, Inc.", "no-reply@shop.example"), (from.Name, from.Address));
        Assert.Equal(mail.Recipient, Assert.IsType<MailboxAddress>(Assert.Single(parsed.To)).Address);
    }

    [Fact]
    public void A_long_non_ascii_subject_is_folded_into_encoded_words_that_decode_back()
    {
        var subject = "Ihre Bestellung ist unterwegs – schönen Tag noch! 🚚 " + new string('é', 40);

        var written = Write(Mail(subject, "t", "h"));

        Assert.Contains("=?utf-8?", written, StringComparison.OrdinalIgnoreCase);
        Assert.All(written.Split("\r\n"), line => Assert.True(line.Length <= 998));
        Assert.Equal(subject, MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(written))).Subject);
    }

    private static ClaimedMail Mail(string subject, string text, string html) =>
        new(Guid.NewGuid(), "to@example.test", subject, text, html, Attempts: 1, Interrupted: false, Expired: false);

    /// <summary>As MailKit writes it for SMTP: CRLF line ends.</summary>
    private static string Write(ClaimedMail mail)
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var bytes = new MemoryStream();
        Factory.Create(mail).WriteTo(format, bytes);
        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    /// <summary>The part's bytes as sent, decoded from base64 (MimeKit's Text would normalise the line ends).</summary>
    private static string Decoded(TextPart part)
    {
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static MimeMessage RoundTrip(ClaimedMail mail) => MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(Write(mail))));
}
