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

    public Task InitializeAsync() => second.StartAsync();

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
    public async Task After_a_rotation_old_tokens_stay_valid_and_new_ones_use_the_new_key()
    {
        var first = fixture.Client();
        var old = await first.SignInAsync(AuthClient.NewEmail("before-rotation"));
        var oldKid = TestTokens.Header(old.AccessToken).GetProperty("kid").GetString();

        var newSeed = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 48);
        second.EnvironmentOverrides["Auth__SigningKeys__0"] = newSeed;
        second.EnvironmentOverrides["Auth__SigningKeys__1"] = fixture.SigningKeySeed;
        await second.RestartAsync();
        var rotated = fixture.Client(second);

        await rotated.GetMeAsync(old.AccessToken);
        var fresh = await rotated.SignInAsync(AuthClient.NewEmail("after-rotation"));
        using var newKey = SigningKey.Parse(newSeed, "new");
        Assert.Equal(newKey.KeyId, TestTokens.Header(fresh.AccessToken).GetProperty("kid").GetString());
        Assert.NotEqual(oldKid, newKey.KeyId);
        Assert.Equal([newKey.KeyId, oldKid], (await TokenTests.ReadJwksAsync(rotated)).Keys.Select(key => key.Kid));

        // Old keys validate only unexpired tokens; and a replica not yet given the new key refuses its tokens,
        // which is why a rotation first publishes the new key everywhere (as __1), then makes it active.
        using var oldKey = SigningKey.Parse(fixture.SigningKeySeed, "old");
        using var oldSigner = oldKey.CreateSigner();
        var expired = TestTokens.Sign(oldSigner, oldKey.KeyId, Guid.NewGuid(), "x@shop.test", ["customer"], DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddMinutes(-5));
        await Problems.AssertProblemAsync(await rotated.SendAsync(HttpMethod.Get, "/auth/me", expired), HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(await first.SendAsync(HttpMethod.Get, "/auth/me", fresh.AccessToken), HttpStatusCode.Unauthorized);
    }
}
