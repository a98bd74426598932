using Shop.Auth.Tokens;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Auth.Apis;

/// <summary>Where validators find the signing keys: the JWKS, and an OpenID-style discovery document pointing at it.</summary>
internal static class WellKnownApi
{
    public const string JwksPath = "/.well-known/jwks.json";

    public static IEndpointRouteBuilder MapWellKnownApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(JwksPath, (JwksDocument jwks, HttpResponse response) =>
        {
            // Validators refetch on an unknown kid anyway; a short cache keeps rotation quick.
            response.Headers.CacheControl = "public, max-age=300";
            return TypedResults.Bytes(jwks.Json, "application/json");
        });

        // Built from the address the caller used (e.g. services__auth__http__0), so the JWKS URL is reachable for that caller.
        app.MapGet("/.well-known/openid-configuration", (HttpRequest request) => TypedResults.Json(new Dictionary<string, object>
        {
            ["issuer"] = ShopTokens.Issuer,
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}{request.PathBase}{JwksPath}",
            ["id_token_signing_alg_values_supported"] = new[] { ShopTokens.Algorithm },
            ["claims_supported"] = new[] { "iss", "aud", ShopTokens.SubjectClaim, ShopTokens.EmailClaim, ShopTokens.RoleClaim, "exp", "iat", "jti" },
        }));
        return app;
    }
}
