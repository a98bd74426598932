using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Auth.Tokens;

/// <summary>An access token and when it stops being valid.</summary>
internal sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Writes ES256 JWTs with the active key: the header is fixed per key and encoded once, the payload is written
/// straight to UTF-8, and the signature is the raw r||s pair JWS wants (the .NET default for ECDsa).
/// </summary>
internal sealed class AccessTokenIssuer : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private const int SignatureLength = 64;

    private readonly byte[] encodedHeader;
    private readonly ThreadLocal<ECDsa> signers;
    private readonly TimeProvider time;

    public AccessTokenIssuer(SigningKeyRing keys, TimeProvider time)
    {
        var active = keys.Active;
        var header = JsonSerializer.SerializeToUtf8Bytes(new { alg = ShopTokens.Algorithm, kid = active.KeyId, typ = "JWT" });
        encodedHeader = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(header));
        // ECDsa instances are not documented as thread-safe: one per thread that signs.
        signers = new ThreadLocal<ECDsa>(active.CreateSigner, trackAllValues: true);
        this.time = time;
    }

    /// <summary>
    /// A token for the user. <paramref name="signInId"/> becomes its `sid` (logout and refresh-token reuse revoke it
    /// at the gateways) and <paramref name="rolesVersion"/> its `rv` (a role change refuses lower ones).
    /// </summary>
    public IssuedAccessToken Issue(Guid userId, string email, IReadOnlyCollection<string> roles, Guid? signInId = null, int rolesVersion = 0)
    {
        var now = time.GetUtcNow();
        var expiresAt = now + Lifetime;

        var payload = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(payload))
        {
            json.WriteStartObject();
            json.WriteString("iss", ShopTokens.Issuer);
            json.WriteString("aud", ShopTokens.Audience);
            json.WriteString(ShopTokens.SubjectClaim, userId);
            json.WriteString(ShopTokens.EmailClaim, email);
            json.WriteStartArray(ShopTokens.RoleClaim);
            foreach (var role in roles)
            {
                json.WriteStringValue(role);
            }

            json.WriteEndArray();
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", expiresAt.ToUnixTimeSeconds());
            json.WriteString("jti", Guid.NewGuid());
            if (signInId is { } sid)
            {
                json.WriteString(ShopTokens.SessionClaim, sid);
            }

            json.WriteNumber(ShopTokens.RolesVersionClaim, rolesVersion);
            json.WriteEndObject();
        }

        // header.payload.signature, all base64url, built in one buffer.
        var signedLength = encodedHeader.Length + 1 + Base64Url.GetEncodedLength(payload.WrittenCount);
        var token = new byte[signedLength + 1 + Base64Url.GetEncodedLength(SignatureLength)];
        encodedHeader.CopyTo(token, 0);
        token[encodedHeader.Length] = (byte)'.';
        Base64Url.EncodeToUtf8(payload.WrittenSpan, token.AsSpan(encodedHeader.Length + 1));

        Span<byte> signature = stackalloc byte[SignatureLength];
        if (!signers.Value!.TrySignData(token.AsSpan(0, signedLength), signature, HashAlgorithmName.SHA256, out var written) || written != SignatureLength)
        {
            throw new CryptographicException("ES256 signature has an unexpected length.");
        }

        token[signedLength] = (byte)'.';
        Base64Url.EncodeToUtf8(signature, token.AsSpan(signedLength + 1));
        return new IssuedAccessToken(Encoding.ASCII.GetString(token), expiresAt);
    }

    public void Dispose()
    {
        foreach (var signer in signers.Values)
        {
            signer.Dispose();
        }

        signers.Dispose();
    }
}
