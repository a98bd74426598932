using System.Text.Json;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Auth.Tokens;

/// <summary>The public half of every published key as a JWKS (RFC 7517), serialized once at startup.</summary>
internal sealed class JwksDocument(SigningKeyRing keys)
{
    public byte[] Json { get; } = JsonSerializer.SerializeToUtf8Bytes(new
    {
        keys = keys.Published.Select(key => new
        {
            kty = "EC",
            use = "sig",
            alg = ShopTokens.Algorithm,
            kid = key.KeyId,
            crv = "P-256",
            x = key.X,
            y = key.Y,
        }),
    });
}
