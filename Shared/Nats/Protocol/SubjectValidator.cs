namespace Shop.Nats.Protocol;

/// <summary>
/// Client-side checks. Publish subjects must be literal (the server checks that only in pedantic mode).
/// Subscribe subjects are checked only for what would break the protocol line (empty, whitespace);
/// the server judges the rest and answers <c>-ERR 'Invalid Subject'</c>, which fails the subscribe.
/// </summary>
internal static class SubjectValidator
{
    private const int MaxNameLength = 255;

    public static void ValidatePublish(string subject, string parameterName = "subject")
    {
        ValidateToken(subject, parameterName);
        foreach (var token in subject.AsSpan().Split('.'))
        {
            var text = subject.AsSpan(token);
            if (text.IsEmpty || text is "*" || text is ">")
            {
                throw new ArgumentException($"'{subject}' is not a valid publish subject: tokens must be non-empty and literal (no * or > wildcards).", parameterName);
            }
        }
    }

    /// <summary>A subject, queue group or reply subject written into a protocol line: non-empty, no whitespace.</summary>
    public static void ValidateToken(string value, string parameterName)
    {
        if (string.IsNullOrEmpty(value) || HasWhitespace(value))
        {
            throw new ArgumentException($"'{value}' is not valid for {parameterName}: it must be non-empty and contain no whitespace.", parameterName);
        }
    }

    /// <summary>Stream and consumer names: no whitespace, '.', '*', '>', '/' or '\', at most 255 characters.</summary>
    public static void ValidateName(string name, string parameterName)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || HasWhitespace(name) || name.AsSpan().IndexOfAny(".*>/\\") >= 0)
        {
            throw new ArgumentException($"'{name}' is not a valid JetStream name: 1-255 characters without whitespace, '.', '*', '>', '/' or '\\'.", parameterName);
        }
    }

    private static bool HasWhitespace(string value)
    {
        foreach (var c in value)
        {
            if (c <= ' ' || char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
