namespace Shop.Access.Tests;

/// <summary>contract.md section 3, written out independently of the table, so a wrong edit of either shows.</summary>
internal static class ContractRows
{
    public static readonly (string Method, string Template, AccessLevel Access, string Service)[] All =
    [
        ("POST", "/auth/login", AccessLevel.Anonymous, "auth"),
        ("POST", "/auth/verify", AccessLevel.Anonymous, "auth"),
        ("POST", "/auth/refresh", AccessLevel.Anonymous, "auth"),
        ("POST", "/auth/logout", AccessLevel.Anonymous, "auth"),
        ("GET", "/auth/me", AccessLevel.User, "auth"),
        ("PUT", "/auth/me/avatar", AccessLevel.User, "auth"),
        ("GET", "/auth/me/avatar", AccessLevel.User, "auth"),
        ("DELETE", "/auth/me/avatar", AccessLevel.User, "auth"),
        ("PUT", "/auth/users/{id}/roles", AccessLevel.Admin, "auth"),
        ("GET", "/.well-known/jwks.json", AccessLevel.Anonymous, "auth"),
        ("GET", "/product", AccessLevel.Anonymous, "products"),
        ("GET", "/product/{id}", AccessLevel.Anonymous, "products"),
        ("POST", "/product", AccessLevel.Admin, "products"),
        ("PUT", "/product/{id}", AccessLevel.Admin, "products"),
        ("DELETE", "/product/{id}", AccessLevel.Admin, "products"),
        ("GET", "/cart", AccessLevel.User, "orders"),
        ("PUT", "/cart/items/{productId}", AccessLevel.User, "orders"),
        ("DELETE", "/cart/items/{productId}", AccessLevel.User, "orders"),
        ("DELETE", "/cart", AccessLevel.User, "orders"),
        ("POST", "/order", AccessLevel.User, "orders"),
        ("GET", "/order", AccessLevel.User, "orders"),
        ("GET", "/order/{id}", AccessLevel.User, "orders"),
        ("POST", "/order/{id}/cancel", AccessLevel.User, "orders"),
        ("PUT", "/order/{id}/status", AccessLevel.Admin, "orders"),
        ("GET", "/stats", AccessLevel.Admin, "gateway"),
        ("GET", "/admin", AccessLevel.Anonymous, "gateway"),
    ];

    /// <summary>A concrete path for a template: each `{parameter}` replaced by a plausible id.</summary>
    public static string Sample(string template) =>
        string.Join('/', template.Split('/').Select(segment => segment.StartsWith('{') ? "0193a5c2-7a1b-7cde-8f00-0123456789ab" : segment));
}
