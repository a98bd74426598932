using System.Net;
using System.Security.Cryptography;
using Shop.Auth.Tests.Support;
using Shop.Auth.Tokens;

namespace Shop.Auth.Tests;

/// <summary>The other services' side: JwtBearer from ServiceDefaults finds auth's keys through discovery and judges roles.</summary>
[Collection(AuthStackCollection.Name)]
public sealed class ServiceValidationTests(AuthStackFixture fixture)
{
    private readonly AuthClient client = fixture.Client();

    [Fact]
    public async Task A_service_with_the_default_authentication_accepts_auth_tokens_and_checks_the_admin_role()
    {
        var email = AuthClient.NewEmail("downstream");
        var customer = await client.SignInAsync(email);
        var admin = await fixture.AdminAsync();
        await using var service = await ServiceUsingAuth.StartAsync(fixture.Auth.Url);

        Assert.Equal((HttpStatusCode.OK, email), await service.GetAsync("/whoami", customer.AccessToken));
        Assert.Equal(HttpStatusCode.Forbidden, (await service.GetAsync("/admin-only", customer.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/admin-only", admin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.GetAsync("/whoami", null)).Status);

        using var foreign = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ours = SigningKey.Parse(fixture.SigningKeySeed, "seed");
        var forged = TestTokens.Sign(foreign, ours.KeyId, Guid.NewGuid(), email, ["customer", "admin"], DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.GetAsync("/admin-only", forged)).Status);
    }
}
