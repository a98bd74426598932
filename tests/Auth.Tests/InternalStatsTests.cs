using System.Net.Http.Json;
using Shop.Auth.Tests.Support;

namespace Shop.Auth.Tests;

/// <summary>`GET /internal/stats`: the user totals the gateway's `/stats` needs (issue 10).</summary>
[Collection(AuthStackCollection.Name)]
public sealed class InternalStatsTests(AuthStackFixture fixture)
{
    private readonly AuthClient client = fixture.Client();

    private sealed record UserStats(long Users, long VerifiedUsers);

    [Fact]
    public async Task Asking_for_a_code_adds_a_user_and_verifying_adds_a_verified_user()
    {
        var before = await StatsAsync();
        var email = AuthClient.NewEmail("counted");

        var code = await client.RequestCodeAsync(email);
        var requested = await StatsAsync();
        await AuthClient.ReadTokensAsync(await client.VerifyAsync(email, code));
        var verified = await StatsAsync();

        Assert.Equal(before with { Users = before.Users + 1 }, requested);
        Assert.Equal(requested with { VerifiedUsers = requested.VerifiedUsers + 1 }, verified);
        Assert.True(verified.VerifiedUsers <= verified.Users);
    }

    private async Task<UserStats> StatsAsync()
    {
        using var response = await client.SendAsync(HttpMethod.Get, "/internal/stats");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<UserStats>())!;
    }
}
