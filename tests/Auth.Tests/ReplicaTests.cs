using System.Net;
using System.Security.Cryptography;
using Shop.Auth.Tests.Support;
using Shop.Auth.Tokens;
using Shop.DevStack;
using Shop.Testing;

namespace Shop.Auth.Tests;

/// <summary>
/// A second auth instance beside the stack's: replicas given the same seed sign alike and accept each other's
/// tokens, and a rotated key keeps older tokens valid while it is still published.
/// </summary>
[Collection(AuthStackCollection.Name)]
public sealed class ReplicaTests(AuthStackFixture fixture) : IAsyncLifetime
{
    private readonly ServiceInstance second = new(
        ShopProject.Auth,
        $"auth-extra-{Guid.NewGuid():N}"[..18],
        Ports.GetFree(),
        fixture.Stack.Paths,
        TestStacks.RepositoryRoot,
        TestStacks.Configuration,
        () => ServiceWiring.EnvironmentFor(ShopProject.Auth, fixture.Stack));

    public async Task InitializeAsync()
    {
        try
        {
            await second.StartAsync();
        }
        catch
        {
            // xunit does not call DisposeAsync after a failed InitializeAsync: stop what may have started.
            await second.StopAsync();
            throw;
        }
    }

    public Task DisposeAsync() => second.StopAsync();

    [Fact]
    public async Task Two_replicas_accept_each_others_tokens_and_publish_the_same_keys()
    {
        var first = fixture.Client();
        var other = fixture.Client(second);

        var fromFirst = await first.SignInAsync(AuthClient.NewEmail("replica-a"));
        var fromSecond = await other.SignInAsync(AuthClient.NewEmail("replica-b"));

        await other.GetMeAsync(fromFirst.AccessToken);
        await first.GetMeAsync(fromSecond.AccessToken);
        using (var authn = await other.SendAsync(HttpMethod.Get, "/authn", fromFirst.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, authn.StatusCode);
        }

        // Refresh tokens live in the shared database: any replica rotates them.
        await AuthClient.ReadTokensAsync(await other.RefreshAsync(fromFirst.RefreshToken));
        Assert.Equal(
            (await TokenTests.ReadJwksAsync(first)).Keys.Select(key => key.Kid),
            (await TokenTests.ReadJwksAsync(other)).Keys.Select(key => key.Kid));
    }

    [Fact]
    public async Task A_two_step_rotation_keeps_old_tokens_valid_and_services_accept_the_new_key()
    {
        var first = fixture.Client();
        var old = await first.SignInAsync(AuthClient.NewEmail("before-rotation"));
        var oldKid = TestTokens.Header(old.AccessToken).GetProperty("kid").GetString()!;
        var newSeed = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 48);
        using var newKey = SigningKey.Parse(newSeed, "new");
        Assert.NotEqual(oldKid, newKey.KeyId);

        // Step 1: publish the new key beside the active one; tokens are still signed with the old key.
        await RestartSecondWithKeysAsync(fixture.SigningKeySeed, newSeed);
        var publishing = fixture.Client(second);
        Assert.Equal([oldKid, newKey.KeyId], (await TokenTests.ReadJwksAsync(publishing)).Keys.Select(key => key.Kid));
        var meanwhile = await publishing.SignInAsync(AuthClient.NewEmail("during-rotation"));
        Assert.Equal(oldKid, TestTokens.Header(meanwhile.AccessToken).GetProperty("kid").GetString());
        await using var service = await ServiceUsingAuth.StartAsync(second.Url);
        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/whoami", old.AccessToken)).Status);

        // Step 2: the new key signs; the old one stays published until the last token it signed has expired.
        await RestartSecondWithKeysAsync(newSeed, fixture.SigningKeySeed);
        var rotated = fixture.Client(second);
        await rotated.GetMeAsync(old.AccessToken);
        var fresh = await rotated.SignInAsync(AuthClient.NewEmail("after-rotation"));
        Assert.Equal(newKey.KeyId, TestTokens.Header(fresh.AccessToken).GetProperty("kid").GetString());
        Assert.Equal([newKey.KeyId, oldKid], (await TokenTests.ReadJwksAsync(rotated)).Keys.Select(key => key.Kid));
        // The service learned the new key in step 1, so it needs no refetch (JwtBearer refetches at most every 5 minutes).
        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/whoami", fresh.AccessToken)).Status);

        // An old key validates only unexpired tokens; a replica that skipped step 1 refuses the new key's tokens.
        using var oldKey = SigningKey.Parse(fixture.SigningKeySeed, "old");
        using var oldSigner = oldKey.CreateSigner();
        var expired = TestTokens.Sign(oldSigner, oldKey.KeyId, Guid.NewGuid(), "x@shop.test", ["customer"], DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddMinutes(-5));
        await Problems.AssertProblemAsync(await rotated.SendAsync(HttpMethod.Get, "/auth/me", expired), HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(await first.SendAsync(HttpMethod.Get, "/auth/me", fresh.AccessToken), HttpStatusCode.Unauthorized);
    }

    private async Task RestartSecondWithKeysAsync(string active, string published)
    {
        second.EnvironmentOverrides["Auth__SigningKeys__0"] = active;
        second.EnvironmentOverrides["Auth__SigningKeys__1"] = published;
        await second.RestartAsync();
    }
}
