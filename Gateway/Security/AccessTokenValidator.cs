using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Gateway.Security;

/// <summary>
/// Validates bearer tokens locally against auth's JWKS with the one rule set every Shop validator uses
/// (<see cref="AuthenticationExtensions.CreateValidationParameters"/>: ES256 only, issuer, audience, lifetime, signature,
/// no `crit` header), then refuses tokens auth has revoked since (<see cref="RevocationList"/>), cached or not.
/// </summary>
internal sealed class AccessTokenValidator(SigningKeyStore keys, ValidatedTokenCache cache, RevocationList revocations)
{
    /// <summary>Longer headers are not tokens auth issues; refusing them early bounds the work per request.</summary>
    private const int MaxTokenLength = 8192;
    private const string BearerPrefix = "Bearer ";

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters rules = AuthenticationExtensions.CreateValidationParameters();

    public ValueTask<TokenCheck> CheckAsync(StringValues authorization, CancellationToken cancellationToken)
    {
        if (authorization.Count == 0)
        {
            return ValueTask.FromResult(TokenCheck.None);
        }

        var header = authorization.Count == 1 ? authorization[0] : null;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length > MaxTokenLength)
        {
            return ValueTask.FromResult(TokenCheck.Invalid);
        }

        if (!revocations.IsCurrent)
        {
            return ValueTask.FromResult(TokenCheck.KeysUnavailable);
        }

        // The token is copied out of the header only when it must be validated; a cached one is only looked up.
        var token = header.AsSpan(BearerPrefix.Length).Trim();
        return cache.TryGet(token, keys.Current, out var user)
            ? ValueTask.FromResult(Judge(user))
            : ValidateAsync(token.ToString(), cancellationToken);
    }

    private TokenCheck Judge(SignedInUser user) =>
        revocations.IsRevoked(user) ? TokenCheck.Invalid : new TokenCheck(TokenOutcome.Valid, user);

    private async ValueTask<TokenCheck> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        JsonWebToken jwt;
        try
        {
            jwt = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return TokenCheck.Invalid;
        }

        if (jwt.Alg != ShopTokens.Algorithm || string.IsNullOrEmpty(jwt.Kid))
        {
            return TokenCheck.Invalid;
        }

        var keySet = await keys.GetAsync(jwt.Kid, cancellationToken);
        if (keySet is null)
        {
            return TokenCheck.KeysUnavailable;
        }

        if (keySet.Find(jwt.Kid) is not { } key)
        {
            return TokenCheck.Invalid;
        }

        var parameters = rules.Clone();
        parameters.IssuerSigningKey = key;
        var result = await handler.ValidateTokenAsync(jwt, parameters);
        if (!result.IsValid || result.ClaimsIdentity.FindFirst(ShopTokens.SubjectClaim)?.Value is not { Length: > 0 } subject)
        {
            return TokenCheck.Invalid;
        }

        var identity = result.ClaimsIdentity;
        var roles = identity.FindAll(ShopTokens.RoleClaim).Select(claim => claim.Value);
        var rolesVersion = int.TryParse(identity.FindFirst(ShopTokens.RolesVersionClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
        var user = new SignedInUser(
            subject, identity.FindFirst(ShopTokens.EmailClaim)?.Value, string.Join(',', roles), new ClaimsPrincipal(identity),
            identity.FindFirst(ShopTokens.SessionClaim)?.Value, rolesVersion);
        cache.Add(token, user, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), jwt.Kid, key);
        return Judge(user);
    }
}
