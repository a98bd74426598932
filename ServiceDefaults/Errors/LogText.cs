using System.Text;

namespace Shop.ServiceDefaults.Errors;

/// <summary>Client-supplied text made safe for a log line: control characters escaped, length capped.</summary>
public static class LogText
{
    public const int MaxLength = 200;

    /// <summary>
    /// A newline in a JSON property name or header must not start a forged log line in a plain-text sink, so
    /// every control character becomes a visible escape (`\n`, `\u001b`); long values are cut with an ellipsis.
    /// </summary>
    public static string Sanitize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value.Length > MaxLength ? value[..MaxLength] : value;
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.Contains('\u007f') && !text.Contains('\u2028') && !text.Contains('\u2029'))
        {
            return value.Length > MaxLength ? text + "…" : text;
        }

        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => safe.Append("\\n"),
                '\r' => safe.Append("\\r"),
                '\t' => safe.Append("\\t"),
                < ' ' or '\u007f' or '\u2028' or '\u2029' => safe.Append($"\\u{(int)c:x4}"),
                _ => safe.Append(c),
            };
        }

        return value.Length > MaxLength ? safe.Append('…').ToString() : safe.ToString();
    }
}
