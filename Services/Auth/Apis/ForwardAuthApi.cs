using System.Security.Claims;
using Shop.Access;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Auth.Apis;

/// <summary>
/// Internal forward-auth for reverse proxies (nginx `auth_request`/`auth-url`, Traefik `forwardAuth`), contract.md
/// section 3. Never routed by the gateway: the access table has no rule for these paths.
/// </summary>
internal static class ForwardAuthApi
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Post];

    public static IEndpointRouteBuilder MapForwardAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/authn", Methods, Authenticate);
        app.MapMethods("/authz", Methods, Authorize);
        return app;
    }

    /// <summary>200 with the identity headers for a valid bearer token, else 401.</summary>
    private static IResult Authenticate(HttpContext context) =>
        IsSignedIn(context.User) ? WithIdentity(context) : Unauthenticated(context);

    /// <summary>Judges the original request (method and URI from the proxy's headers) against the gateway's access table.</summary>
    private static IResult Authorize(HttpContext context)
    {
        var headers = context.Request.Headers;
        var method = First(headers, "X-Original-Method", "X-Forwarded-Method");
        var uri = PathOf(First(headers, "X-Original-URL")) ?? First(headers, "X-Original-URI", "X-Forwarded-Uri");
        if (method is null || uri is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["headers"] = ["Send the original request as X-Original-Method with X-Original-URL or X-Original-URI, or X-Forwarded-Method with X-Forwarded-Uri."],
            });
        }

        return AccessPolicy.Decide(AccessTable.Match(method, uri), context.User) switch
        {
            AccessDecision.Allow when IsSignedIn(context.User) => WithIdentity(context),
            AccessDecision.Allow => TypedResults.Ok(),
            AccessDecision.Unauthenticated => Unauthenticated(context),
            // A route that is not public is refused; 403 rather than 404 because nginx treats anything but 2xx, 401 and 403 as an error.
            _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed."),
        };
    }

    private static bool IsSignedIn(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    private static IResult WithIdentity(HttpContext context)
    {
        var user = context.User;
        var headers = context.Response.Headers;
        headers["X-User-Id"] = user.FindFirstValue(ShopTokens.SubjectClaim);
        headers["X-User-Email"] = user.FindFirstValue(ShopTokens.EmailClaim);
        headers["X-User-Roles"] = string.Join(',', user.FindAll(ShopTokens.RoleClaim).Select(claim => claim.Value));
        return TypedResults.Ok();
    }

    private static IResult Unauthenticated(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid access token is required.");
    }

    private static string? First(IHeaderDictionary headers, params string[] names) =>
        names.Select(name => headers[name].FirstOrDefault()).FirstOrDefault(value => !string.IsNullOrEmpty(value));

    /// <summary>
    /// Path and query of an absolute URL, cut out as text: System.Uri would resolve `..` and unescape, and the
    /// access table must see the path exactly as the proxy will forward it.
    /// </summary>
    private static string? PathOf(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return url.StartsWith('/') ? url : null;
        }

        var path = url.IndexOf('/', scheme + 3);
        return path < 0 ? "/" : url[path..];
    }
}
