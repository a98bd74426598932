using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;
using Shop.Notifications.Infrastructure.Mail;

namespace Shop.Notifications.Tests;

/// <summary>The bytes handed to the SMTP server: headers, encodings, and nothing a value could break.</summary>
public sealed partial class MimeMessageTests
{
    private static readonly MailAddress From = new("Shop, Inc. <no-reply@shop.example>");

    [Fact]
    public void Both_parts_carry_the_content_in_utf8_base64_with_crlf_lines()
    {
        var mail = Write("Hello", "Grüße\nzweite Zeile", "<p>Grüße</p>");

        var parts = Base64Part().Matches(mail).Select(match => Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups["body"].Value.Replace("\r\n", string.Empty, StringComparison.Ordinal)))).ToList();
        Assert.Equal(["Grüße\r\nzweite Zeile", "<p>Grüße</p>"], parts);
        Assert.Contains("Content-Type: multipart/alternative;", mail, StringComparison.Ordinal);
        Assert.Contains("Message-ID: <id@shop.example>\r\n", mail, StringComparison.Ordinal);
        Assert.Contains("From: \"Shop, Inc.\" <no-reply@shop.example>\r\n", mail, StringComparison.Ordinal);
        Assert.EndsWith("--\r\n", mail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_ascii_subject_becomes_encoded_words_that_decode_back()
    {
        var subject = "Ihre Bestellung ist unterwegs – schönen Tag noch! 🚚 " + new string('é', 40);

        var mail = Write(subject, "t", "h");

        var header = Regex.Match(mail, "^Subject: (?<value>.*?)\r\n(?! )", RegexOptions.Multiline | RegexOptions.Singleline).Groups["value"].Value;
        var words = EncodedWord().Matches(header).ToList();
        Assert.True(words.Count > 1, "a long subject is split");
        Assert.All(words, word => Assert.True(word.Length <= 75));
        Assert.Equal(subject, string.Concat(words.Select(word => Encoding.UTF8.GetString(Convert.FromBase64String(word.Groups["data"].Value)))));
    }

    [Fact]
    public void No_line_starts_with_a_dot_and_every_line_ends_with_crlf()
    {
        var mail = Write("Subject", ".hidden\n.\n..", "<p>.</p>");

        Assert.DoesNotContain("\n.", mail, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", mail);
        Assert.All(mail.Split("\r\n"), line => Assert.True(line.Length <= 998));
    }

    private static string Write(string subject, string text, string html) =>
        Encoding.ASCII.GetString(MimeMessage.Write(From, "to@example.test", subject, text, html, "<id@shop.example>", DateTimeOffset.UnixEpoch));

    [GeneratedRegex("Content-Transfer-Encoding: base64\r\n\r\n(?<body>[A-Za-z0-9+/=\r\n]+?)\r\n--")]
    private static partial Regex Base64Part();

    [GeneratedRegex("=\\?utf-8\\?B\\?(?<data>[A-Za-z0-9+/=]+)\\?=")]
    private static partial Regex EncodedWord();
}
