using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Shop.Gateway.Tests.Infrastructure;

/// <summary>ES256 keys a test upstream publishes as auth's JWKS; tests add and withdraw keys to rotate them.</summary>
public sealed class TestSigningKeys
{
    private readonly ConcurrentDictionary<string, SigningKey> published = new();

    public static SigningKey Create() => new(Guid.NewGuid().ToString("N")[..12], ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public SigningKey Publish(SigningKey? key = null)
    {
        key ??= Create();
        published[key.Kid] = key;
        return key;
    }

    public void Withdraw(SigningKey key) => published.TryRemove(key.Kid, out _);

    public string Jwks() => JsonSerializer.Serialize(new
    {
        keys = published.Values.Select(key =>
        {
            var point = key.Ecdsa.ExportParameters(includePrivateParameters: false).Q;
            return new Dictionary<string, string>
            {
                ["kty"] = "EC",
                ["crv"] = "P-256",
                ["use"] = "sig",
                ["alg"] = "ES256",
                ["kid"] = key.Kid,
                ["x"] = Base64UrlEncoder.Encode(point.X),
                ["y"] = Base64UrlEncoder.Encode(point.Y),
            };
        }),
    });
}

public sealed record SigningKey(string Kid, ECDsa Ecdsa)
{
    public SecurityKey SecurityKey => new ECDsaSecurityKey(Ecdsa) { KeyId = Kid };
}
