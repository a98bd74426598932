using System.Net;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shop.Auth.Infrastructure;
using Shop.Auth.Tests.Support;

namespace Shop.Auth.Tests;

/// <summary>Refresh tokens rotate on every use; a replayed one revokes its whole sign-in; logout revokes.</summary>
[Collection(AuthStackCollection.Name)]
public sealed class RefreshTokenTests(AuthStackFixture fixture)
{
    private readonly AuthClient client = fixture.Client();

    [Fact]
    public async Task Refreshing_gives_a_new_pair_and_retires_the_old_refresh_token()
    {
        var first = await client.SignInAsync(AuthClient.NewEmail("rotate"));

        var second = await AuthClient.ReadTokensAsync(await client.RefreshAsync(first.RefreshToken));

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(
            TestTokens.Payload(first.AccessToken).GetProperty("sub").GetString(),
            TestTokens.Payload(second.AccessToken).GetProperty("sub").GetString());
        await client.GetMeAsync(second.AccessToken);
        var third = await AuthClient.ReadTokensAsync(await client.RefreshAsync(second.RefreshToken));
        Assert.NotEqual(second.RefreshToken, third.RefreshToken);
    }

    [Fact]
    public async Task Reusing_a_rotated_token_is_401_and_revokes_the_whole_sign_in()
    {
        var email = AuthClient.NewEmail("replay");
        var stolen = await client.SignInAsync(email);
        var legitimate = await AuthClient.ReadTokensAsync(await client.RefreshAsync(stolen.RefreshToken));
        var otherSignIn = await client.SignInAsync(email);

        await Problems.AssertProblemAsync(await client.RefreshAsync(stolen.RefreshToken), HttpStatusCode.Unauthorized);

        // The current token of that sign-in is dead too; another sign-in of the same user is not affected.
        await Problems.AssertProblemAsync(await client.RefreshAsync(legitimate.RefreshToken), HttpStatusCode.Unauthorized);
        await AuthClient.ReadTokensAsync(await client.RefreshAsync(otherSignIn.RefreshToken));
    }

    [Fact]
    public async Task Logout_revokes_and_is_idempotent()
    {
        var tokens = await client.SignInAsync(AuthClient.NewEmail("logout"));

        using (var logout = await client.LogoutAsync(tokens.RefreshToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        await Problems.AssertProblemAsync(await client.RefreshAsync(tokens.RefreshToken), HttpStatusCode.Unauthorized);
        using var again = await client.LogoutAsync(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        using var unknown = await client.LogoutAsync("not-a-token-we-issued");
        Assert.Equal(HttpStatusCode.NoContent, unknown.StatusCode);
    }

    [Fact]
    public async Task Unknown_expired_and_empty_refresh_tokens_are_refused()
    {
        await Problems.AssertProblemAsync(await client.RefreshAsync("bm90LWEtdG9rZW4"), HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(await client.RefreshAsync(new string('x', 10_000)), HttpStatusCode.Unauthorized);
        await Problems.AssertValidationProblemAsync(await client.RefreshAsync(" "), "refreshToken");

        var tokens = await client.SignInAsync(AuthClient.NewEmail("stale"));
        await using (var database = await fixture.OpenDatabaseAsync())
        {
            await ExpireAsync(database, tokens);
        }

        await Problems.AssertProblemAsync(await client.RefreshAsync(tokens.RefreshToken), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_tokens_are_stored_hashed()
    {
        var tokens = await client.SignInAsync(AuthClient.NewEmail("stored"));

        await using var database = await fixture.OpenDatabaseAsync();
        var byHash = await CountAsync(database, tokens);
        var byValue = await database.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM refresh_tokens WHERE token_hash = convert_to(@token, 'UTF8')", new { token = tokens.RefreshToken });
        Assert.Equal((1, 0), (byHash, byValue));
    }

    [Fact]
    public async Task The_cleanup_deletes_revoked_and_expired_sign_ins_and_keeps_live_ones()
    {
        var live = await client.SignInAsync(AuthClient.NewEmail("live"));
        var loggedOut = await client.SignInAsync(AuthClient.NewEmail("gone"));
        (await client.LogoutAsync(loggedOut.RefreshToken)).Dispose();
        var expired = await client.SignInAsync(AuthClient.NewEmail("aged"));
        await using var database = await fixture.OpenDatabaseAsync();
        await ExpireAsync(database, expired);

        await using (var dataSource = NpgsqlDataSource.Create(fixture.Stack.Postgres.ConnectionString("authdb")))
        {
            await new ExpiredSignInCleanup(dataSource, Microsoft.Extensions.Options.Options.Create(new Shop.Auth.Extensions.SignInCleanupOptions()), TimeProvider.System, NullLogger<ExpiredSignInCleanup>.Instance).DeleteExpiredAsync(CancellationToken.None);
        }

        Assert.Equal((1, 0, 0), (await CountAsync(database, live), await CountAsync(database, loggedOut), await CountAsync(database, expired)));
        await AuthClient.ReadTokensAsync(await client.RefreshAsync(live.RefreshToken));
    }

    // Fourteen days pass for one token: move its stored expiry instead of waiting.
    private static Task ExpireAsync(NpgsqlConnection database, IssuedTokens tokens) =>
        database.ExecuteAsync(
            "UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = sha256(convert_to(@token, 'UTF8'))", new { token = tokens.RefreshToken });

    private static Task<int> CountAsync(NpgsqlConnection database, IssuedTokens tokens) =>
        database.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM refresh_tokens WHERE token_hash = sha256(convert_to(@token, 'UTF8'))", new { token = tokens.RefreshToken });
}
