using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Gateway.Tests.Infrastructure;

/// <summary>Access tokens shaped like auth's (contract.md: iss, aud, sub, email, role per role, exp, iat, jti), good and bad.</summary>
public static class TestTokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>What a token says; <paramref name="SessionId"/> and <paramref name="RolesVersion"/> are auth's `sid` and `rv`.</summary>
    public sealed record Claims(string Subject, string Email, string[] Roles, string? SessionId = null, int? RolesVersion = null)
    {
        public static Claims Customer() => New(ShopTokens.CustomerRole);

        public static Claims Admin() => New(ShopTokens.CustomerRole, ShopTokens.AdminRole);

        private static Claims New(params string[] roles)
        {
            var id = Guid.NewGuid().ToString();
            return new Claims(id, $"user-{id[..8]}@example.test", roles);
        }
    }

    public static string Mint(
        SigningKey key,
        Claims claims,
        string issuer = ShopTokens.Issuer,
        string audience = ShopTokens.Audience,
        DateTime? expires = null,
        DateTime? notBefore = null,
        bool withExpiry = true,
        IDictionary<string, object>? header = null) =>
        Handler.CreateToken(new SecurityTokenDescriptor
        {
            AdditionalHeaderClaims = header,
            Issuer = issuer,
            Audience = audience,
            IssuedAt = DateTime.UtcNow,
            NotBefore = notBefore,
            Expires = withExpiry ? expires ?? DateTime.UtcNow.AddMinutes(15) : null,
            Claims = Payload(claims),
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.EcdsaSha256),
        });

    /// <summary>A token claiming <paramref name="kid"/> but signed with another algorithm and key (HS256, RS256).</summary>
    public static string MintWith(string kid, SigningCredentials credentials, Claims claims)
    {
        credentials.Key.KeyId = kid;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ShopTokens.Issuer,
            Audience = ShopTokens.Audience,
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(15),
            Claims = Payload(claims),
            SigningCredentials = credentials,
        });
    }

    /// <summary>`alg: none`: the payload of <paramref name="token"/> with an unsigned header and an empty signature.</summary>
    public static string Unsigned(string token, string kid)
    {
        var header = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", typ = "JWT", kid }));
        return $"{header}.{token.Split('.')[1]}.";
    }

    /// <summary>The signature of <paramref name="token"/> kept, its payload replaced: what a client escalating its own roles sends.</summary>
    public static string WithPayload(string token, Claims claims)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["role"] = JsonSerializer.SerializeToElement(claims.Roles);
        payload["sub"] = JsonSerializer.SerializeToElement(claims.Subject);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload)))}.{parts[2]}";
    }

    public static SigningCredentials Hmac() =>
        new(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256);

    public static SigningCredentials Rsa() =>
        new(new RsaSecurityKey(RSA.Create(2048)), SecurityAlgorithms.RsaSha256);

    private static Dictionary<string, object> Payload(Claims claims)
    {
        var payload = new Dictionary<string, object>
        {
            [ShopTokens.SubjectClaim] = claims.Subject,
            [ShopTokens.EmailClaim] = claims.Email,
            [ShopTokens.RoleClaim] = claims.Roles,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        if (claims.SessionId is { } sid)
        {
            payload[ShopTokens.SessionClaim] = sid;
        }

        if (claims.RolesVersion is { } version)
        {
            payload[ShopTokens.RolesVersionClaim] = version;
        }

        return payload;
    }
}
