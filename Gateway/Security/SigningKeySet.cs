using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Shop.Gateway.Security;

/// <summary>Auth's public signing keys by `kid`, as read from one JWKS document. Only P-256 keys for ES256 are kept.</summary>
internal sealed class SigningKeySet
{
    private readonly Dictionary<string, SigningKey> keys;

    private SigningKeySet(Dictionary<string, SigningKey> keys, long fetchedAt)
    {
        this.keys = keys;
        FetchedAt = fetchedAt;
    }

    /// <summary>When the document was fetched (a <see cref="TimeProvider"/> timestamp).</summary>
    public long FetchedAt { get; }

    public int Count => keys.Count;

    public SecurityKey? Find(string kid) => keys.TryGetValue(kid, out var key) ? key.SecurityKey : null;

    /// <summary>
    /// Reads a JWKS document. A key that is unchanged since <paramref name="previous"/> keeps its object, so
    /// tokens already validated with it stay cached across refreshes.
    /// </summary>
    public static SigningKeySet Parse(JsonElement document, SigningKeySet? previous, long fetchedAt)
    {
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        if (document.ValueKind == JsonValueKind.Object && document.TryGetProperty("keys", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var jwk in list.EnumerateArray())
            {
                if (Read(jwk) is { } key)
                {
                    keys[key.Kid] = previous?.keys.GetValueOrDefault(key.Kid) is { } known && known.SameMaterial(key) ? known : key.Load();
                }
            }
        }

        return new SigningKeySet(keys, fetchedAt);
    }

    private static SigningKey? Read(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object
            || Text(jwk, "kty") != "EC"
            || Text(jwk, "crv") != "P-256"
            || Text(jwk, "use") is not (null or "sig")
            || Text(jwk, "alg") is not (null or SecurityAlgorithms.EcdsaSha256)
            || Text(jwk, "kid") is not { Length: > 0 } kid
            || Text(jwk, "x") is not { } x
            || Text(jwk, "y") is not { } y)
        {
            return null;
        }

        return new SigningKey(kid, x, y, null);
    }

    private static string? Text(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record SigningKey(string Kid, string X, string Y, ECDsaSecurityKey? SecurityKey)
    {
        public bool SameMaterial(SigningKey other) => X == other.X && Y == other.Y;

        /// <summary>The usable key, or an entry without one when the coordinates are not a P-256 point.</summary>
        public SigningKey Load()
        {
            try
            {
                var point = new ECPoint { X = Base64Url.DecodeFromChars(X), Y = Base64Url.DecodeFromChars(Y) };
                var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = point });
                return this with { SecurityKey = new ECDsaSecurityKey(ecdsa) { KeyId = Kid } };
            }
            catch (Exception exception) when (exception is FormatException or CryptographicException)
            {
                return this;
            }
        }
    }
}
