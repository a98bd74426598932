using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Shop.Auth.Tests.Support;
using Shop.Auth.Tokens;

namespace Shop.Auth.Tests;

/// <summary>What access tokens carry, where their keys are published, and which tokens auth refuses.</summary>
[Collection(AuthStackCollection.Name)]
public sealed class TokenTests(AuthStackFixture fixture)
{
    private readonly AuthClient client = fixture.Client();

    [Fact]
    public async Task Access_tokens_carry_the_contract_claims_and_an_es256_kid_header()
    {
        var email = AuthClient.NewEmail("claims");
        var tokens = await client.SignInAsync(email);

        var header = TestTokens.Header(tokens.AccessToken);
        var payload = TestTokens.Payload(tokens.AccessToken);
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(header.GetProperty("kid").GetString()));
        Assert.Equal("shop-auth", payload.GetProperty("iss").GetString());
        Assert.Equal("shop", payload.GetProperty("aud").GetString());
        Assert.Equal(email, payload.GetProperty("email").GetString());
        Assert.Equal(["customer"], payload.GetProperty("role").EnumerateArray().Select(role => role.GetString()));
        Assert.True(Guid.TryParse(payload.GetProperty("sub").GetString(), out _));
        Assert.True(Guid.TryParse(payload.GetProperty("jti").GetString(), out _));
        var issuedAt = payload.GetProperty("iat").GetInt64();
        Assert.Equal(15 * 60, payload.GetProperty("exp").GetInt64() - issuedAt);
        Assert.InRange(issuedAt, DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_jwks_publishes_the_active_kid_as_the_thumbprint_of_its_key()
    {
        var tokens = await client.SignInAsync(AuthClient.NewEmail("jwks"));
        var kid = TestTokens.Header(tokens.AccessToken).GetProperty("kid").GetString();

        var jwks = await ReadJwksAsync(client);

        var key = Assert.Single(jwks.Keys);
        Assert.Equal(kid, key.Kid);
        Assert.Equal(("EC", "P-256", "ES256", "sig"), (key.Kty, key.Crv, key.Alg, key.Use));
        Assert.Equal(kid, Base64UrlEncoder.Encode(key.ComputeJwkThumbprint()));
        Assert.False(key.HasPrivateKey);
    }

    [Fact]
    public async Task The_openid_configuration_points_at_the_jwks_on_the_address_that_was_called()
    {
        using var response = await client.SendAsync(HttpMethod.Get, "/.well-known/openid-configuration");
        var configuration = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("shop-auth", configuration.GetProperty("issuer").GetString());
        Assert.Equal(new Uri(client.BaseAddress, "/.well-known/jwks.json").ToString(), configuration.GetProperty("jwks_uri").GetString());
    }

    [Fact]
    public async Task A_token_signed_with_the_configured_seed_is_accepted()
    {
        // The control for the refusals below: the same construction with everything right passes.
        using var key = SigningKey.Parse(fixture.SigningKeySeed, "seed");
        using var signer = key.CreateSigner();
        var token = TestTokens.Sign(signer, key.KeyId, Guid.NewGuid(), "control@shop.test", ["customer"], DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5));

        using var response = await client.SendAsync(HttpMethod.Get, "/authn", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> Refusals => new() { "tampered", "expired", "wrong key", "wrong key with the active kid", "wrong audience", "alg none", "garbage", "unknown crit header" };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_token_is_401_everywhere(string kind)
    {
        var token = await BadTokenAsync(kind);

        using var authn = await client.SendAsync(HttpMethod.Get, "/authn", token);
        Assert.Equal(HttpStatusCode.Unauthorized, authn.StatusCode);
        Assert.False(authn.Headers.Contains("X-User-Id"));
        await Problems.AssertProblemAsync(await client.SendAsync(HttpMethod.Get, "/auth/me", token), HttpStatusCode.Unauthorized);
    }

    private async Task<string> BadTokenAsync(string kind)
    {
        using var key = SigningKey.Parse(fixture.SigningKeySeed, "seed");
        using var signer = key.CreateSigner();
        using var foreign = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTime.UtcNow;
        var user = Guid.NewGuid();
        return kind switch
        {
            "tampered" => TestTokens.Tamper(
                (await client.SignInAsync(AuthClient.NewEmail("tamper"))).AccessToken,
                payload => payload["role"] = new System.Text.Json.Nodes.JsonArray("customer", "admin")),
            "expired" => TestTokens.Sign(signer, key.KeyId, user, "old@shop.test", ["customer"], now.AddHours(-1), now.AddMinutes(-5)),
            "wrong key" => TestTokens.Sign(foreign, "someone-else", user, "x@shop.test", ["customer"], now, now.AddMinutes(5)),
            "wrong key with the active kid" => TestTokens.Sign(foreign, key.KeyId, user, "x@shop.test", ["customer"], now, now.AddMinutes(5)),
            "wrong audience" => TestTokens.Sign(signer, key.KeyId, user, "x@shop.test", ["customer"], now, now.AddMinutes(5), audience: "another-shop"),
            "unknown crit header" => TestTokens.Sign(signer, key.KeyId, user, "x@shop.test", ["customer"], now, now.AddMinutes(5), header: new Dictionary<string, object>
            {
                ["crit"] = new[] { "x-shop-unheard-of" },
                ["x-shop-unheard-of"] = true,
            }),
            "alg none" => TestTokens.Unsigned(TestTokens.Sign(signer, key.KeyId, user, "x@shop.test", ["admin"], now, now.AddMinutes(5))),
            _ => "not.a.jwt",
        };
    }

    public static async Task<JsonWebKeySet> ReadJwksAsync(AuthClient client)
    {
        using var response = await client.SendAsync(HttpMethod.Get, "/.well-known/jwks.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new JsonWebKeySet(await response.Content.ReadAsStringAsync());
    }
}
