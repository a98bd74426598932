using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Shop.Auth.Tests.Support;

namespace Shop.Auth.Tests;

/// <summary>
/// Through the gateway: logout, refresh-token reuse and a role change make the earlier access tokens useless
/// within 5 seconds (issue 19, point 2), although each token is still cryptographically valid for 15 minutes.
/// </summary>
[Collection(AuthStackCollection.Name)]
public sealed class RevocationTests(AuthStackFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    private readonly AuthClient gateway = fixture.Client(fixture.Stack.Gateway);

    [Fact]
    public async Task After_logout_the_access_token_is_refused_within_5_seconds()
    {
        var tokens = await gateway.SignInAsync(AuthClient.NewEmail("logout"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/auth/me", tokens.AccessToken));

        using (var logout = await gateway.LogoutAsync(tokens.RefreshToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        await AssertWithinDeadlineAsync("/auth/me", tokens.AccessToken, HttpStatusCode.Unauthorized);
        await AssertWithinDeadlineAsync("/cart", tokens.AccessToken, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_every_access_token_of_the_sign_in_within_5_seconds()
    {
        var first = await gateway.SignInAsync(AuthClient.NewEmail("reuse"));
        var second = await AuthClient.ReadTokensAsync(await gateway.RefreshAsync(first.RefreshToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/auth/me", second.AccessToken));

        using (var replay = await gateway.RefreshAsync(first.RefreshToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        }

        await AssertWithinDeadlineAsync("/auth/me", first.AccessToken, HttpStatusCode.Unauthorized);
        await AssertWithinDeadlineAsync("/auth/me", second.AccessToken, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_demoted_admin_loses_admin_routes_within_5_seconds_and_a_refresh_carries_the_new_roles()
    {
        var admin = await fixture.AdminAsync();
        var user = await gateway.SignInAsync(AuthClient.NewEmail("demoted"));
        var userId = TestTokens.Payload(user.AccessToken).GetProperty("sub").GetString()!;
        (await SetRolesAsync(admin.AccessToken, userId, ["admin"])).Dispose();
        var promoted = await AuthClient.ReadTokensAsync(await gateway.RefreshAsync(user.RefreshToken));
        await AssertWithinDeadlineAsync("/stats", promoted.AccessToken, HttpStatusCode.OK);

        using (var demote = await SetRolesAsync(admin.AccessToken, userId, []))
        {
            Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        }

        await AssertWithinDeadlineAsync("/stats", promoted.AccessToken, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        Assert.NotEqual(HttpStatusCode.OK, await StatusAsync("/product", promoted.AccessToken, HttpMethod.Post));
        var demoted = await AuthClient.ReadTokensAsync(await gateway.RefreshAsync(promoted.RefreshToken));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("/stats", demoted.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/auth/me", demoted.AccessToken));
    }

    private Task<HttpResponseMessage> SetRolesAsync(string accessToken, string userId, string[] roles) =>
        gateway.SendAsync(HttpMethod.Put, $"/auth/users/{userId}/roles", accessToken, JsonContent.Create(new { roles }));

    private async Task<HttpStatusCode> StatusAsync(string path, string accessToken, HttpMethod? method = null)
    {
        using var content = method == HttpMethod.Post ? JsonContent.Create(new { name = "x", description = "x", price = 1m, stock = 1 }) : null;
        using var response = await gateway.SendAsync(method ?? HttpMethod.Get, path, accessToken, content);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> AssertWithinDeadlineAsync(string path, string accessToken, params HttpStatusCode[] expected)
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        while (Array.IndexOf(expected, status = await StatusAsync(path, accessToken)) < 0 && clock.Elapsed < Deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(Array.IndexOf(expected, status) >= 0, $"{path}: still {(int)status} after {clock.Elapsed.TotalSeconds:0.0} s");
        return status;
    }
}
