using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.Auth.Tokens;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Auth.Benchmarks;

/// <summary>Issuing and validating access tokens in process, with auth's code and with Microsoft.IdentityModel.</summary>
internal sealed class TokenBenchmarks : IDisposable
{
    private static readonly Guid UserId = Guid.NewGuid();
    private static readonly string[] Roles = [ShopTokens.CustomerRole, ShopTokens.AdminRole];
    private const string Email = "bench@shop.test";

    private readonly SigningKeyRing keys;
    private readonly AccessTokenIssuer issuer;
    private readonly ECDsa signer;
    private readonly ThreadLocal<ECDsa> verifiers;
    private readonly JsonWebTokenHandler handler = new();
    private readonly TokenValidationParameters validation;

    public TokenBenchmarks(string seed)
    {
        keys = SigningKeyRing.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKeys:0"] = seed }).Build(),
            new HostingEnvironment { EnvironmentName = Environments.Production });
        issuer = new AccessTokenIssuer(keys, TimeProvider.System);
        signer = keys.Active.CreateSigner();
        // One ECDsa per thread, as the issuer does: instances are not documented as thread-safe.
        verifiers = new ThreadLocal<ECDsa>(keys.Active.CreateVerifier, trackAllValues: true);
        validation = AccessTokenValidation.Create(keys);
    }

    /// <summary>Auth's writer (what `/auth/verify` and `/auth/refresh` use).</summary>
    public Task<Throughput> IssueOursAsync() => Throughput.MeasureAsync(() =>
    {
        issuer.Issue(UserId, Email, Roles);
        return Task.CompletedTask;
    });

    /// <summary>The same token from Microsoft.IdentityModel's JsonWebTokenHandler.CreateToken.</summary>
    public Task<Throughput> IssueReferenceAsync()
    {
        var credentials = new SigningCredentials(new ECDsaSecurityKey(signer) { KeyId = keys.Active.KeyId }, SecurityAlgorithms.EcdsaSha256);
        return Throughput.MeasureAsync(() =>
        {
            var now = DateTime.UtcNow;
            var claims = new List<Claim> { new(ShopTokens.SubjectClaim, UserId.ToString()), new(ShopTokens.EmailClaim, Email), new("jti", Guid.NewGuid().ToString()) };
            claims.AddRange(Roles.Select(role => new Claim(ShopTokens.RoleClaim, role)));
            handler.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = ShopTokens.Issuer,
                Audience = ShopTokens.Audience,
                Subject = new ClaimsIdentity(claims),
                IssuedAt = now,
                Expires = now + AccessTokenIssuer.Lifetime,
                SigningCredentials = credentials,
            });
            return Task.CompletedTask;
        });
    }

    /// <summary>Full validation as auth and every service do it: JsonWebTokenHandler with Shop's rules and keys.</summary>
    public Task<Throughput> ValidateAsync()
    {
        var token = issuer.Issue(UserId, Email, Roles).Token;
        return Throughput.MeasureAsync(async () =>
        {
            var result = await handler.ValidateTokenAsync(token, validation);
            if (!result.IsValid)
            {
                throw new InvalidOperationException("The benchmark token did not validate.", result.Exception);
            }
        });
    }

    /// <summary>The floor for any ES256 validator: the signature check alone, no parsing or claim checks.</summary>
    public Task<Throughput> VerifySignatureOnlyAsync()
    {
        var token = issuer.Issue(UserId, Email, Roles).Token;
        var lastDot = token.LastIndexOf('.');
        var signedPart = Encoding.ASCII.GetBytes(token[..lastDot]);
        var signature = Base64UrlEncoder.DecodeBytes(token[(lastDot + 1)..]);
        return Throughput.MeasureAsync(() =>
        {
            if (!verifiers.Value!.VerifyData(signedPart, signature, HashAlgorithmName.SHA256))
            {
                throw new InvalidOperationException("The benchmark signature did not verify.");
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>A valid token for the HTTP runs (same seed as the auth under test).</summary>
    public string IssueToken() => issuer.Issue(UserId, Email, Roles).Token;

    public void Dispose()
    {
        foreach (var instance in verifiers.Values)
        {
            instance.Dispose();
        }

        verifiers.Dispose();
        signer.Dispose();
        issuer.Dispose();
        keys.Dispose();
    }
}
