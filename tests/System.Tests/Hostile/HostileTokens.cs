using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Shop.Auth.Tests.Support;
using Shop.Auth.Tokens;
using Shop.ServiceDefaults.Authentication;

namespace Shop.SystemTests.Hostile;

/// <summary>The bad tokens of the hostile cases, all claiming the admin (or, tampered, the attacker made admin).</summary>
public sealed record HostileTokens(string Forged, string Expired, string Tampered, string Unsigned)
{
    /// <param name="signingKeySeed">The stack's Auth__SigningKeys__0: only the expired token is genuinely signed.</param>
    public static HostileTokens Create(string signingKeySeed, Guid adminId, string adminEmail, string attackerToken)
    {
        using var real = SigningKey.Parse(signingKeySeed, "Auth__SigningKeys__0");
        using var realSigner = real.CreateSigner();
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string[] roles = [ShopTokens.CustomerRole, ShopTokens.AdminRole];
        var now = DateTime.UtcNow;
        var expired = TestTokens.Sign(realSigner, real.KeyId, adminId, adminEmail, roles, now.AddHours(-2), now.AddHours(-1));
        var forged = TestTokens.Sign(stranger, real.KeyId, adminId, adminEmail, roles, now.AddMinutes(-1), now.AddMinutes(14));
        var tampered = TestTokens.Tamper(attackerToken, payload => payload[ShopTokens.RoleClaim] = new JsonArray(ShopTokens.CustomerRole, ShopTokens.AdminRole));
        return new HostileTokens(forged, expired, tampered, TestTokens.Unsigned(forged));
    }
}
