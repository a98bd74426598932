using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Auth.Tokens;

internal static class AccessTokenValidation
{
    /// <summary>
    /// The rules every Shop service applies (ServiceDefaults), with auth's own published keys in place of a
    /// JWKS download: auth never calls itself to check a token.
    /// </summary>
    public static TokenValidationParameters Create(SigningKeyRing keys)
    {
        var parameters = AuthenticationExtensions.CreateValidationParameters();
        parameters.IssuerSigningKeys = keys.Published
            .Select(key => new ECDsaSecurityKey(key.CreateVerifier()) { KeyId = key.KeyId })
            .ToList();
        return parameters;
    }
}
