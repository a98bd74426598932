using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>
/// A mail as RFC 5322 / MIME bytes: multipart/alternative with the text and the HTML part, both UTF-8 in base64, the
/// subject as RFC 2047 encoded words when it is not plain ASCII. Only headers, base64 lines and boundaries are
/// written, so no line starts with "." and CR/LF can only come from here.
/// </summary>
internal static class MimeMessage
{
    /// <summary>RFC 2047 allows 75 characters per encoded word; 45 bytes make 60 base64 characters plus the wrapping.</summary>
    private const int EncodedWordBytes = 45;

    public static byte[] Write(MailAddress from, string to, string subject, string text, string html, string messageId, DateTimeOffset date)
    {
        var boundary = "=_" + Guid.NewGuid().ToString("N");
        var mail = new StringBuilder()
            .Append("From: ").Append(from.DisplayName.Length > 0 ? DisplayName(from.DisplayName) + " " : string.Empty).Append('<').Append(from.Address).Append(">\r\n")
            .Append("To: <").Append(to).Append(">\r\n")
            .Append("Subject: ").Append(IsPlainAscii(subject) ? subject : EncodedWords(subject)).Append("\r\n")
            .Append("Date: ").Append(date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: ").Append(messageId).Append("\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: multipart/alternative; boundary=\"").Append(boundary).Append("\"\r\n")
            .Append("\r\n");
        AppendPart(mail, boundary, "text/plain", text);
        AppendPart(mail, boundary, "text/html", html);
        mail.Append("--").Append(boundary).Append("--\r\n");
        return Encoding.ASCII.GetBytes(mail.ToString());
    }

    private static void AppendPart(StringBuilder mail, string boundary, string mediaType, string content) => mail
        .Append("--").Append(boundary).Append("\r\n")
        .Append("Content-Type: ").Append(mediaType).Append("; charset=utf-8\r\n")
        .Append("Content-Transfer-Encoding: base64\r\n")
        .Append("\r\n")
        .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\r\n")), Base64FormattingOptions.InsertLineBreaks))
        .Append("\r\n");

    /// <summary>A quoted string (a comma or a quote in a name would otherwise break the header), or encoded words.</summary>
    private static string DisplayName(string name) =>
        IsPlainAscii(name) ? $"\"{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : EncodedWords(name);

    private static bool IsPlainAscii(string value) => value.All(character => character is >= ' ' and <= '~');

    /// <summary>UTF-8 encoded words of at most 75 characters, folded onto continuation lines.</summary>
    private static string EncodedWords(string value)
    {
        var words = new List<string>();
        var chunk = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(chunk.ToString() + rune) > EncodedWordBytes)
            {
                words.Add(EncodedWord(chunk.ToString()));
                chunk.Clear();
            }

            chunk.Append(rune);
        }

        words.Add(EncodedWord(chunk.ToString()));
        return string.Join("\r\n ", words);
    }

    private static string EncodedWord(string text) => $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";
}
