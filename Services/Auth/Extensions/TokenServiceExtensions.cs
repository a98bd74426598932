using Shop.Auth.Tokens;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Auth.Extensions;

internal static class TokenServiceExtensions
{
    /// <summary>
    /// Signing keys from `Auth__SigningKeys__N` (read now, so a missing or bad key stops startup with the
    /// setting's name), the token issuer, the JWKS, and bearer validation against the same keys in process.
    /// </summary>
    public static IHostApplicationBuilder AddTokenServices(this IHostApplicationBuilder builder)
    {
        var keys = SigningKeyRing.FromConfiguration(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddSingleton<JwksDocument>();
        builder.AddDefaultAuthentication(options => options.TokenValidationParameters = AccessTokenValidation.Create(keys));
        return builder;
    }
}
