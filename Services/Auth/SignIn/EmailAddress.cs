using System.Text.RegularExpressions;

namespace Shop.Auth.SignIn;

/// <summary>E-mail addresses as auth stores and compares them: trimmed, lower-case, plausible, at most 254 characters.</summary>
internal static partial class EmailAddress
{
    public const int MaxLength = 254;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// The inbox a normalized address reaches: without its plus-tag (`victim+1@x` is `victim@x`), which mail
    /// providers ignore. Code requests are limited per mailbox, so tags cannot multiply the mails one inbox gets.
    /// </summary>
    public static string Mailbox(string normalized)
    {
        var at = normalized.LastIndexOf('@');
        var plus = normalized.IndexOf('+');
        return plus < 0 || plus > at ? normalized : normalized[..plus] + normalized[at..];
    }

    /// <summary>Normalizes <paramref name="email"/>; false when it is not a usable address.</summary>
    public static bool TryNormalize(string? email, out string normalized)
    {
        normalized = email is null ? string.Empty : Normalize(email);
        return normalized.Length is > 0 and <= MaxLength && Syntax().IsMatch(normalized);
    }

    // A dot-atom local part (RFC 5322, no quoted strings) of at most 64 characters, and a domain of
    // letter/digit/hyphen labels with at least one dot; enough to reject typos and injection attempts.
    [GeneratedRegex(
        @"^(?=[^@]{1,64}@)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();
}
