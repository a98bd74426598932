using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.IdentityModel.JsonWebTokens;
using Shop.Auth.Tokens;

namespace Shop.Auth.Tests.Unit;

/// <summary>Auth's own JWT writer, checked by the reference validator (Microsoft.IdentityModel) with Shop's rules.</summary>
public sealed class AccessTokenIssuerTests : IDisposable
{
    private readonly SigningKeyRing keys = SigningKeyRing.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:SigningKeys:0"] = "ActiveSeedForIssuerTestsOnly0123456789abcdefgh",
            ["Auth:SigningKeys:1"] = "OlderSeedForIssuerTestsOnly0123456789abcdefghi",
        }).Build(),
        new HostingEnvironment { EnvironmentName = Environments.Production });

    [Fact]
    public async Task Issued_tokens_validate_with_the_reference_handler_and_carry_every_role()
    {
        using var issuer = new AccessTokenIssuer(keys, TimeProvider.System);
        var userId = Guid.NewGuid();

        var issued = issuer.Issue(userId, "someone@shop.test", ["customer", "admin"]);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(issued.Token, AccessTokenValidation.Create(keys));

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(userId.ToString(), result.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal("someone@shop.test", result.ClaimsIdentity.FindFirst("email")?.Value);
        Assert.True(new ClaimsPrincipal(result.ClaimsIdentity).IsInRole("admin"));
        Assert.Equal(keys.Active.KeyId, ((JsonWebToken)result.SecurityToken).Kid);
        Assert.InRange(issued.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void The_ring_publishes_the_active_key_first_then_the_older_one()
    {
        Assert.Equal(2, keys.Published.Count);
        Assert.Same(keys.Active, keys.Published[0]);
    }

    [Fact]
    public void Without_an_active_key_outside_development_startup_fails_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:SigningKeys:1"] = "OlderSeedForIssuerTestsOnly0123456789abcdefghi",
        }).Build();

        var error = Assert.Throws<SigningKeyException>(() =>
            SigningKeyRing.FromConfiguration(configuration, new HostingEnvironment { EnvironmentName = Environments.Production }));

        Assert.Contains("Auth__SigningKeys__0 is missing", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => keys.Dispose();
}
