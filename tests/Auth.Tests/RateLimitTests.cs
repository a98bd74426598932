using System.Net;
using Shop.Auth.Tests.Support;

namespace Shop.Auth.Tests;

/// <summary>The sign-in limits of contract.md section 2, with their defaults.</summary>
[Collection(AuthStackCollection.Name)]
public sealed class RateLimitTests(AuthStackFixture fixture)
{
    [Fact]
    public async Task The_sixth_code_for_one_address_within_15_minutes_is_429_with_retry_after()
    {
        var client = fixture.Client();
        var email = AuthClient.NewEmail("limited");
        for (var request = 0; request < 5; request++)
        {
            using var accepted = await client.LoginAsync(email);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        // Another client address changes nothing: the limit is per e-mail.
        using var limited = await fixture.Client().LoginAsync(email.ToUpperInvariant());

        await Problems.AssertProblemAsync(limited, (HttpStatusCode)429);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Plus_tags_and_case_do_not_multiply_the_codes_one_mailbox_gets()
    {
        var local = $"victim-{Guid.NewGuid():N}";
        string[] addresses = [$"{local}+1@shop.test", $"{local.ToUpperInvariant()}@SHOP.TEST", $"{local}+2@shop.test", $"{local}@shop.test", $"{local}+x.y@Shop.Test"];
        foreach (var address in addresses)
        {
            // Each from its own client: the per-client limit is not what refuses the sixth.
            using var accepted = await fixture.Client().LoginAsync(address);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var limited = await fixture.Client().LoginAsync($"{local}+8@shop.test");

        await Problems.AssertProblemAsync(limited, (HttpStatusCode)429);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        using var otherMailbox = await fixture.Client().LoginAsync($"{local}-neighbour+1@shop.test");
        Assert.Equal(HttpStatusCode.Accepted, otherMailbox.StatusCode);
    }

    [Fact]
    public async Task The_61st_refresh_from_one_client_within_a_minute_is_429_with_retry_after()
    {
        var client = fixture.Client();
        for (var request = 0; request < 60; request++)
        {
            using var response = await client.RefreshAsync("unknown-refresh-token");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var limited = await client.RefreshAsync("unknown-refresh-token");
        await Problems.AssertProblemAsync(limited, (HttpStatusCode)429);
        Assert.InRange(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        // The sign-in budget is its own.
        using var login = await client.LoginAsync("not-an-address");
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
    }

    [Fact]
    public async Task The_61st_login_or_verify_from_one_client_within_a_minute_is_429_with_retry_after()
    {
        var client = fixture.Client();
        for (var request = 0; request < 60; request++)
        {
            // Refused e-mails still count, and cost the test no database work.
            using var response = request % 2 == 0 ? await client.LoginAsync("not-an-address") : await client.VerifyAsync("not-an-address", "000000");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var limited = await client.LoginAsync(AuthClient.NewEmail("too-often"));
        await Problems.AssertProblemAsync(limited, (HttpStatusCode)429);
        Assert.InRange(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        // Another client is not affected, nor are the routes outside the limit.
        using var other = await fixture.Client().LoginAsync("not-an-address");
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        using var refresh = await client.RefreshAsync("unknown");
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }
}
