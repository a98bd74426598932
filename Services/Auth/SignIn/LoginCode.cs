using System.Security.Cryptography;
using System.Text;

namespace Shop.Auth.SignIn;

/// <summary>
/// The 6-digit sign-in code: drawn from the cryptographic RNG, stored only as HMAC-SHA256 keyed with a random
/// per-code salt, compared in constant time.
/// </summary>
internal static class LoginCode
{
    public const int Digits = 6;

    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static string Generate() =>
        RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsWellFormed(string code) => code.Length == Digits && code.All(char.IsAsciiDigit);

    public static (byte[] Hash, byte[] Salt) Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (Hash(code, salt), salt);
    }

    public static bool Matches(string code, byte[] hash, byte[] salt) =>
        CryptographicOperations.FixedTimeEquals(Hash(code, salt), hash);

    private static byte[] Hash(string code, byte[] salt) => HMACSHA256.HashData(salt, Encoding.ASCII.GetBytes(code));
}
