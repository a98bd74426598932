using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Shop.Auth.Tokens;

namespace Shop.Auth.Tests.Unit;

public sealed class SigningKeyTests
{
    private const string Seed = "k3yS33dF0rTestsOnlyNotASecretAnywhere0123456789";

    [Fact]
    public void The_same_seed_gives_the_same_key_and_kid()
    {
        using var first = SigningKey.Parse(Seed, "test");
        using var second = SigningKey.Parse($"  {Seed}\n", "test");

        Assert.Equal((first.KeyId, first.X, first.Y), (second.KeyId, second.X, second.Y));
    }

    [Fact]
    public void Different_seeds_give_different_keys()
    {
        using var first = SigningKey.Parse(Seed, "test");
        using var second = SigningKey.Parse(Seed + "x", "test");

        Assert.NotEqual(first.KeyId, second.KeyId);
    }

    [Fact]
    public void The_kid_is_the_rfc7638_thumbprint_as_a_reference_library_computes_it()
    {
        using var key = SigningKey.Parse(Seed, "test");
        var jwk = new JsonWebKey { Kty = "EC", Crv = "P-256", X = key.X, Y = key.Y };

        Assert.Equal(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), key.KeyId);
    }

    [Fact]
    public void A_signature_made_with_the_private_key_verifies_with_the_public_one()
    {
        using var key = SigningKey.Parse(Seed, "test");
        using var signer = key.CreateSigner();
        using var verifier = key.CreateVerifier();
        var data = "payload"u8.ToArray();

        Assert.True(verifier.VerifyData(data, signer.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
        Assert.Throws<CryptographicException>(() => verifier.ExportParameters(includePrivateParameters: true));
    }

    [Fact]
    public void A_p256_pem_is_accepted_as_it_is()
    {
        using var generated = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var expected = generated.ExportParameters(false);

        using var key = SigningKey.Parse(generated.ExportPkcs8PrivateKeyPem(), "test");

        Assert.Equal(Base64UrlEncoder.Encode(expected.Q.X), key.X);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("123456789012345678901234567890123456789012")]
    public void A_short_seed_is_refused_naming_the_setting(string seed) =>
        Assert.Contains("Auth__SigningKeys__0", Assert.Throws<SigningKeyException>(() => SigningKey.Parse(seed, "Auth__SigningKeys__0")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_pem_of_another_curve_or_a_public_key_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Throws<SigningKeyException>(() => SigningKey.Parse(p384.ExportPkcs8PrivateKeyPem(), "k"));
        Assert.Throws<SigningKeyException>(() => SigningKey.Parse(p256.ExportSubjectPublicKeyInfoPem(), "k"));
    }
}
