using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Shop.ServiceDefaults.Secrets;

/// <summary>
/// Sign-in codes on their way from auth to notifications (issue 19): AES-256-GCM under a key only those two services
/// are given (`Notifications__CodeKey`, any secret of at least 32 characters, stretched with HKDF-SHA256), bound to
/// the recipient's address, so the bus, the stream and every other service see only ciphertext.
/// </summary>
public sealed class SignInCodeCipher
{
    public const string Setting = "Notifications__CodeKey";
    public const string ConfigurationKey = "Notifications:CodeKey";
    public const int MinimumSecretLength = 32;

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] KeyPurpose = "shop sign-in code v1"u8.ToArray();

    // Read once a process: the machine's key never changes while it runs, and callers (tests, benchmarks) ask per code.
    private static readonly Lazy<SignInCodeCipher> DevelopmentKey =
        new(() => new SignInCodeCipher(DevelopmentSecrets.LoadOrCreate("notifications-code-key", MinimumSecretLength + 11)));

    private readonly byte[] key;

    private SignInCodeCipher(string secret) =>
        key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: [], info: KeyPurpose);

    /// <summary>
    /// The configured key; in Development without one, a secret generated once per machine (outside the repository),
    /// which auth and notifications on that machine share. Elsewhere a missing or short key stops startup.
    /// </summary>
    public static SignInCodeCipher FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var secret = configuration[ConfigurationKey];
        if (string.IsNullOrEmpty(secret) && environment.IsDevelopment())
        {
            return Development();
        }

        return secret is { Length: >= MinimumSecretLength }
            ? new SignInCodeCipher(secret)
            : throw new InvalidOperationException(
                $"{Setting} must be set to a secret of at least {MinimumSecretLength} characters, the same for auth and notifications.");
    }

    /// <summary>The key a local stack without `Notifications__CodeKey` uses: also how tests and benchmarks open the codes it sends.</summary>
    public static SignInCodeCipher Development() => DevelopmentKey.Value;

    /// <summary>Base64url of nonce, ciphertext and tag.</summary>
    public string Encrypt(string code, string recipient)
    {
        var plain = Encoding.UTF8.GetBytes(code);
        var sealedCode = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedCode.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedCode.AsSpan(NonceSize, plain.Length), sealedCode.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(recipient));
        return Base64Url.EncodeToString(sealedCode);
    }

    /// <summary>The code, or null when the text was not sealed with this key for <paramref name="recipient"/> (or was altered).</summary>
    public string? Decrypt(string sealedText, string recipient)
    {
        if (!Base64Url.IsValid(sealedText, out var length) || length < NonceSize + TagSize || length > NonceSize + TagSize + 64)
        {
            return null;
        }

        var sealedCode = Base64Url.DecodeFromChars(sealedText);
        var plain = new byte[sealedCode.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedCode.AsSpan(0, NonceSize), sealedCode.AsSpan(NonceSize, plain.Length), sealedCode.AsSpan(NonceSize + plain.Length), plain, Encoding.UTF8.GetBytes(recipient));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }
}
