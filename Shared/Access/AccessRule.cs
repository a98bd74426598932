namespace Shop.Access;

/// <summary>
/// One public route: method, path template (`{name}` matches one segment), who may call it and which
/// resource serves it (`auth`, `products`, `orders`, or `gateway` for what the gateway answers itself).
/// </summary>
public sealed record AccessRule(string Method, string Template, AccessLevel Access, string Service)
{
    private readonly string[] segments = Template.Trim('/').Split('/');

    /// <summary>Rules are equal when their four values are (the parsed template is derived, not part of the value).</summary>
    public bool Equals(AccessRule? other) =>
        other is not null
        && string.Equals(Method, other.Method, StringComparison.Ordinal)
        && string.Equals(Template, other.Template, StringComparison.Ordinal)
        && Access == other.Access
        && string.Equals(Service, other.Service, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Method, Template, Access, Service);

    internal bool Matches(string method, string[] pathSegments)
    {
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase) || pathSegments.Length != segments.Length)
        {
            return false;
        }

        for (var index = 0; index < segments.Length; index++)
        {
            var expected = segments[index];
            var isParameter = expected.StartsWith('{') && expected.EndsWith('}');
            if (isParameter ? pathSegments[index].Length == 0 : !string.Equals(expected, pathSegments[index], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
