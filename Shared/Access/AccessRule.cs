namespace Shop.Access;

/// <summary>
/// One public route: method, path template (`{name}` matches one segment), who may call it and which
/// resource serves it (`auth`, `products`, `orders`, or `gateway` for what the gateway answers itself).
/// </summary>
public sealed record AccessRule(string Method, string Template, AccessLevel Access, string Service)
{
    private readonly string[] segments = Template.Trim('/').Split('/');

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
