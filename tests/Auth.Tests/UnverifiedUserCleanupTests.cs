using System.Net;
using Npgsql;
using Shop.Auth.Tests.Support;
using Shop.DevStack;
using Shop.Testing;

namespace Shop.Auth.Tests;

/// <summary>
/// Users created by `/auth/login` who never verify are deleted after `Auth__UnverifiedUserLifetime` (issue 19,
/// point 3), here by a second auth instance with a 30-second lifetime and a one-second cleanup interval.
/// </summary>
[Collection(AuthStackCollection.Name)]
public sealed class UnverifiedUserCleanupTests(AuthStackFixture fixture)
{
    [Fact]
    public async Task Old_unverified_users_are_deleted_and_verified_or_recent_ones_stay()
    {
        var staleEmail = AuthClient.NewEmail("never-verified");
        var verifiedEmail = AuthClient.NewEmail("verified-long-ago");
        await using (var database = await fixture.OpenDatabaseAsync())
        {
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO users (id, email, created_at, email_verified_at)
                VALUES (gen_random_uuid(), $1, now() - interval '1 hour', NULL), (gen_random_uuid(), $2, now() - interval '1 hour', now() - interval '1 hour')
                """,
                database)
            {
                Parameters = { new() { Value = staleEmail }, new() { Value = verifiedEmail } },
            };
            await insert.ExecuteNonQueryAsync();
        }

        var recentEmail = AuthClient.NewEmail("just-asked");
        using (var login = await fixture.Client().LoginAsync(recentEmail))
        {
            Assert.Equal(HttpStatusCode.Accepted, login.StatusCode);
        }

        var cleaner = new ServiceInstance(
            ShopProject.Auth,
            $"auth-cleaner-{Guid.NewGuid():N}"[..18],
            Ports.GetFree(),
            fixture.Stack.Paths,
            TestStacks.RepositoryRoot,
            TestStacks.Configuration,
            () => ServiceWiring.EnvironmentFor(ShopProject.Auth, fixture.Stack));
        cleaner.EnvironmentOverrides["Auth__UnverifiedUserLifetime"] = "00:00:30";
        cleaner.EnvironmentOverrides["Auth__CleanupInterval"] = "00:00:01";
        try
        {
            await cleaner.StartAsync();
            await Eventually.GetAsync(() => ExistsAsync(staleEmail), exists => !exists, TimeSpan.FromSeconds(20), "the stale unverified user exists");
        }
        finally
        {
            await cleaner.StopAsync();
        }

        Assert.True(await ExistsAsync(verifiedEmail));
        Assert.True(await ExistsAsync(recentEmail));
    }

    private async Task<bool> ExistsAsync(string email)
    {
        await using var database = await fixture.OpenDatabaseAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM users WHERE email = $1", database) { Parameters = { new() { Value = email } } };
        return (long)(await query.ExecuteScalarAsync())! == 1;
    }
}
