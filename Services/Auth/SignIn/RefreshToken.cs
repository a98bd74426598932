using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Shop.Auth.SignIn;

/// <summary>
/// Opaque refresh tokens: 256 random bits, base64url. Only their SHA-256 is stored, and it is looked up by
/// equality: the hash of a 256-bit secret gives a timing observer nothing to work with.
/// </summary>
internal static class RefreshToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>Longer input is never a token of ours; it is rejected before hashing.</summary>
    public const int MaxLength = 128;

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
