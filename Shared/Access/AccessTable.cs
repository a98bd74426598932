namespace Shop.Access;

/// <summary>
/// The one access table of Shop's public API: the gateway routes and authorizes with it, and auth's `/authz`
/// judges forward-auth requests with it. A route that is not here is not public (404 at the gateway).
/// </summary>
public static class AccessTable
{
    private static readonly AccessRule[] AllRules =
    [
        new("POST", "/auth/login", AccessLevel.Anonymous, "auth"),
        new("POST", "/auth/verify", AccessLevel.Anonymous, "auth"),
        new("POST", "/auth/refresh", AccessLevel.Anonymous, "auth"),
        new("POST", "/auth/logout", AccessLevel.Anonymous, "auth"),
        new("GET", "/auth/me", AccessLevel.User, "auth"),
        new("GET", "/auth/me/avatar", AccessLevel.User, "auth"),
        new("PUT", "/auth/me/avatar", AccessLevel.User, "auth"),
        new("DELETE", "/auth/me/avatar", AccessLevel.User, "auth"),
        new("PUT", "/auth/users/{id}/roles", AccessLevel.Admin, "auth"),
        new("GET", "/.well-known/jwks.json", AccessLevel.Anonymous, "auth"),

        new("GET", "/product", AccessLevel.Anonymous, "products"),
        new("GET", "/product/{id}", AccessLevel.Anonymous, "products"),
        new("POST", "/product", AccessLevel.Admin, "products"),
        new("PUT", "/product/{id}", AccessLevel.Admin, "products"),
        new("DELETE", "/product/{id}", AccessLevel.Admin, "products"),

        new("GET", "/cart", AccessLevel.User, "orders"),
        new("DELETE", "/cart", AccessLevel.User, "orders"),
        new("PUT", "/cart/items/{productId}", AccessLevel.User, "orders"),
        new("DELETE", "/cart/items/{productId}", AccessLevel.User, "orders"),

        new("POST", "/order", AccessLevel.User, "orders"),
        new("GET", "/order", AccessLevel.User, "orders"),
        new("GET", "/order/{id}", AccessLevel.User, "orders"),
        new("POST", "/order/{id}/cancel", AccessLevel.User, "orders"),
        new("PUT", "/order/{id}/status", AccessLevel.Admin, "orders"),

        new("GET", "/stats", AccessLevel.Admin, "gateway"),
        new("GET", "/admin", AccessLevel.Anonymous, "gateway"),
    ];

    public static IReadOnlyList<AccessRule> Rules { get; } = Array.AsReadOnly(AllRules);

    /// <summary>
    /// The rule for a request, or null when the route is not public. Query strings and one trailing slash are
    /// ignored; paths with empty, dot or encoded-dot segments, encoded slashes or backslashes never match
    /// (no traversal around the table, and no path that routing and the table could read differently).
    /// </summary>
    public static AccessRule? Match(string method, string pathAndQuery)
    {
        // Spans throughout: the gateway matches every request, so this allocates nothing.
        var target = pathAndQuery.AsSpan();
        var queryStart = target.IndexOf('?');
        var path = queryStart < 0 ? target : target[..queryStart];
        if (path.Length == 0 || path[0] != '/' || HasEncodedSeparator(path))
        {
            return null;
        }

        if (path.Length > 1 && path[^1] == '/')
        {
            path = path[..^1];
        }

        var segments = path[1..];
        foreach (var segment in segments.Split('/'))
        {
            if (segments[segment] is "." or "..")
            {
                return null;
            }
        }

        foreach (var rule in AllRules)
        {
            if (rule.Matches(method, segments))
            {
                return rule;
            }
        }

        return null;
    }

    private static bool HasEncodedSeparator(ReadOnlySpan<char> path) =>
        path.Contains('\\')
        || path.Contains("%2e", StringComparison.OrdinalIgnoreCase)
        || path.Contains("%2f", StringComparison.OrdinalIgnoreCase)
        || path.Contains("%5c", StringComparison.OrdinalIgnoreCase);
}
