using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Shop.ServiceDefaults.Authentication;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Bearer-token validation for a service behind the gateway (defence in depth: the gateway validated it too).
    /// Keys come from auth's JWKS, found through its OpenID configuration at `services__auth__http__0`;
    /// an unknown `kid` triggers a refetch, so a rotated key is accepted without a restart.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder, Action<JwtBearerOptions>? configure = null)
    {
        var authUrl = builder.Configuration["services:auth:http:0"]?.TrimEnd('/');
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                if (authUrl is not null)
                {
                    options.MetadataAddress = $"{authUrl}/.well-known/openid-configuration";
                }

                // Inside the cluster auth speaks plain HTTP; TLS ends at the ingress.
                options.RequireHttpsMetadata = false;

                // Learn a newly published key within minutes (auth's JWKS max-age), not the default 12 hours, so the
                // two-step rotation in docs/operations.md signs nobody out; an unknown kid refetches at most every 30 s.
                options.AutomaticRefreshInterval = TimeSpan.FromMinutes(5);
                options.RefreshInterval = TimeSpan.FromSeconds(30);
                options.MapInboundClaims = false;
                options.TokenValidationParameters = CreateValidationParameters();
                configure?.Invoke(options);
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ShopTokens.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ShopTokens.AdminRole));
        return builder;
    }

    /// <summary>The one set of rules every validator applies: issuer, audience, lifetime, signature and algorithm.</summary>
    public static TokenValidationParameters CreateValidationParameters() => new()
    {
        ValidIssuer = ShopTokens.Issuer,
        ValidAudience = ShopTokens.Audience,
        ValidAlgorithms = [ShopTokens.Algorithm],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = ShopTokens.ClockSkew,
        NameClaimType = ShopTokens.SubjectClaim,
        RoleClaimType = ShopTokens.RoleClaim,
        TypeValidator = RefuseCriticalHeaders,
    };

    /// <summary>
    /// RFC 7515 section 4.1.11: a `crit` header names extensions the validator must understand, and Shop understands
    /// none, so such a token is refused (the handlers ignore `crit` on their own). Runs as the type check, which
    /// every validation passes through; the type itself stays unconstrained, as auth issues plain `JWT`.
    /// </summary>
    private static string RefuseCriticalHeaders(string type, SecurityToken token, TokenValidationParameters parameters) =>
        token is JsonWebToken jwt && jwt.TryGetHeaderValue<object>("crit", out _)
            ? throw new SecurityTokenInvalidTypeException("Tokens with critical header extensions are not accepted.")
            : type;
}
