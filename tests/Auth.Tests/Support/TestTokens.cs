using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Auth.Tests.Support;

/// <summary>Tokens made outside auth, signed by a reference JWT library, to check what auth accepts and rejects.</summary>
public static class TestTokens
{
    /// <summary>An ES256 token with <paramref name="key"/>, Shop's claims, and the given audience and lifetime.</summary>
    public static string Sign(
        ECDsa key,
        string keyId,
        Guid userId,
        string email,
        string[] roles,
        DateTime issuedAt,
        DateTime expires,
        string audience = ShopTokens.Audience,
        IDictionary<string, object>? header = null)
    {
        var claims = new List<Claim> { new(ShopTokens.SubjectClaim, userId.ToString()), new(ShopTokens.EmailClaim, email) };
        claims.AddRange(roles.Select(role => new Claim(ShopTokens.RoleClaim, role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ShopTokens.Issuer,
            Audience = audience,
            AdditionalHeaderClaims = header,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            // No provider cache: it is keyed by the public key, and tests dispose their ECDsa objects.
            SigningCredentials = new SigningCredentials(
                new ECDsaSecurityKey(key) { KeyId = keyId, CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } },
                SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>The token's payload with <paramref name="change"/> applied and the original signature kept.</summary>
    public static string Tamper(string token, Action<JsonObject> change)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        change(payload);
        parts[1] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return string.Join('.', parts);
    }

    /// <summary>The token's claims re-sent unsigned with `alg: none`.</summary>
    public static string Unsigned(string token)
    {
        var header = Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        return $"{header}.{token.Split('.')[1]}.";
    }

    public static JsonElement Header(string token) => Decode(token, 0);

    public static JsonElement Payload(string token) => Decode(token, 1);

    private static JsonElement Decode(string token, int part) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[part])).RootElement.Clone();
}
