namespace Shop.Access;

/// <summary>
/// One public route: method, path template (`{name}` matches one segment), who may call it and which
/// resource serves it (`auth`, `products`, `orders`, or `gateway` for what the gateway answers itself).
/// </summary>
public sealed record AccessRule(string Method, string Template, AccessLevel Access, string Service)
{
    /// <summary>The template's segments, each known once to be a `{name}` parameter or literal text.</summary>
    private readonly (string Text, bool IsParameter)[] segments =
        [.. Template.Trim('/').Split('/').Select(segment => (segment, segment.StartsWith('{') && segment.EndsWith('}')))];

    /// <summary>Rules are equal when their four values are (the parsed template is derived, not part of the value).</summary>
    public bool Equals(AccessRule? other) =>
        other is not null
        && string.Equals(Method, other.Method, StringComparison.Ordinal)
        && string.Equals(Template, other.Template, StringComparison.Ordinal)
        && Access == other.Access
        && string.Equals(Service, other.Service, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Method, Template, Access, Service);

    /// <param name="path">The path without its leading slash: segments separated by `/`.</param>
    internal bool Matches(string method, ReadOnlySpan<char> path)
    {
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var index = 0;
        foreach (var range in path.Split('/'))
        {
            if (index == segments.Length)
            {
                return false;
            }

            var actual = path[range];
            var (text, isParameter) = segments[index];
            if (isParameter ? actual.IsEmpty : !actual.SequenceEqual(text))
            {
                return false;
            }

            index++;
        }

        return index == segments.Length;
    }
}
