using System.Buffers.Text;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Shop.Auth.Tokens;

/// <summary>
/// One ES256 (P-256) key, made from configuration: either a secret seed string (what the AppHost parameter
/// `auth-signing-key` and DevStack generate) or a PKCS#8 / SEC1 PEM. The same seed gives the same key on every
/// replica, so they all sign alike and publish the same JWKS.
/// </summary>
internal sealed class SigningKey : IDisposable
{
    /// <summary>A seed shorter than this carries less than 256 bits even if drawn from 62 symbols.</summary>
    public const int MinimumSeedLength = 43;

    private const string DerivationLabel = "shop-auth/es256/v1";

    // Order n of the P-256 group: a private scalar must lie in [1, n-1].
    private static readonly BigInteger CurveOrder = BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private readonly ECParameters privateParameters;

    private SigningKey(ECParameters parameters)
    {
        privateParameters = parameters;
        X = Base64Url.EncodeToString(parameters.Q.X);
        Y = Base64Url.EncodeToString(parameters.Q.Y);
        KeyId = Thumbprint(X, Y);
    }

    /// <summary>RFC 7638 JWK thumbprint (SHA-256, base64url): the `kid` in token headers and in the JWKS.</summary>
    public string KeyId { get; }

    /// <summary>Public point coordinates, base64url, as the JWK publishes them.</summary>
    public string X { get; }

    public string Y { get; }

    /// <summary>
    /// Reads a configured key. A seed becomes the scalar d = HKDF-SHA256(ikm: UTF-8 seed, info: label + counter),
    /// big-endian, with counter 0, 1, ... until d is in [1, n-1] (a retry happens with probability about 2^-32).
    /// </summary>
    public static SigningKey Parse(string secret, string settingName)
    {
        var trimmed = secret.Trim();
        if (trimmed.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return FromPem(trimmed, settingName);
        }

        if (trimmed.Length < MinimumSeedLength)
        {
            throw new SigningKeyException($"{settingName} must be a secret of at least {MinimumSeedLength} characters or a P-256 private key in PEM form.");
        }

        return FromSeed(trimmed);
    }

    /// <summary>A new ECDsa holding the private key (ECDsa instances are not shared across threads).</summary>
    public ECDsa CreateSigner()
    {
        var signer = ECDsa.Create();
        signer.ImportParameters(privateParameters);
        return signer;
    }

    /// <summary>A new ECDsa holding only the public key, for validation.</summary>
    public ECDsa CreateVerifier() => ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = privateParameters.Q });

    public void Dispose() => CryptographicOperations.ZeroMemory(privateParameters.D);

    private static SigningKey FromSeed(string seed)
    {
        var material = Encoding.UTF8.GetBytes(seed);
        try
        {
            for (byte counter = 0; ; counter++)
            {
                var info = Encoding.ASCII.GetBytes(DerivationLabel).Append(counter).ToArray();
                var scalar = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt: [], info);
                var value = new BigInteger(scalar, isUnsigned: true, isBigEndian: true);
                if (!value.IsZero && value < CurveOrder)
                {
                    return FromScalar(scalar);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    private static SigningKey FromScalar(byte[] scalar)
    {
        using var key = ECDsa.Create();
        // Importing only D makes the platform compute the public point Q.
        key.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar });
        CryptographicOperations.ZeroMemory(scalar);
        return new SigningKey(key.ExportParameters(includePrivateParameters: true));
    }

    private static SigningKey FromPem(string pem, string settingName)
    {
        using var key = ECDsa.Create();
        ECParameters parameters;
        try
        {
            key.ImportFromPem(pem);
            parameters = key.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            throw new SigningKeyException($"{settingName} holds a PEM that is not an EC private key: {exception.Message}");
        }

        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new SigningKeyException($"{settingName} must be a P-256 key for ES256.");
        }

        return new SigningKey(parameters);
    }

    private static string Thumbprint(string x, string y)
    {
        // RFC 7638: the required members in lexicographic order, no whitespace.
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{x}}","y":"{{y}}"}""";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>A signing key setting that cannot be used: the service must not start.</summary>
internal sealed class SigningKeyException(string message) : InvalidOperationException(message);
