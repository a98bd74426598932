using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Shop.Analytics.Tests.Support;

namespace Shop.Analytics.Tests;

/// <summary>`GET /stats` is for admins only, through the gateway's access table, and answers the contract's shape.</summary>
[Collection(AnalyticsCollection.Name)]
public sealed class StatsAccessTests(AnalyticsStack stack)
{
    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        using var response = await stack.Api().GetStatsAsync();

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task With_a_token_that_is_not_valid_it_is_401()
    {
        using var response = await stack.Api("not.a-valid.token").GetStatsAsync();

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task With_a_customer_token_it_is_403()
    {
        var customer = stack.Api(await stack.TokenAsync(AnalyticsStack.NewEmail("customer")));

        using var response = await customer.GetStatsAsync();

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_gets_every_total_in_camel_case_and_nothing_cached()
    {
        var admin = await stack.AdminAsync();

        using var response = await admin.GetStatsAsync();
        var body = await ShopApi.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.Equal(Stats.Fields.Order(), body.EnumerateObject().Select(field => field.Name).Order());
        Assert.Equal(Stats.Statuses.Order(), body.GetProperty("ordersByStatus").EnumerateObject().Select(field => field.Name).Order());
        foreach (var field in Stats.Fields.Where(field => field != "generatedAt"))
        {
            Assert.True(body.GetProperty(field).ValueKind is JsonValueKind.Number or JsonValueKind.Object, $"{field} is {body.GetProperty(field)}");
        }

        var stats = Stats.Read(body);
        Assert.InRange(stats.GeneratedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.True(stats.VerifiedUsers >= 1 && stats.VerifiedUsers <= stats.Users, $"{stats.VerifiedUsers} verified of {stats.Users} users");
        Assert.True(stats.MailsSent >= 1, "the admin's own code mail was sent");
    }

    [Theory]
    [InlineData("/internal/stats")]
    [InlineData("/INTERNAL/stats")]
    [InlineData("/stats/../internal/stats")]
    public async Task The_services_internal_totals_are_not_reachable_through_the_gateway_even_for_an_admin(string path)
    {
        var admin = await stack.AdminAsync();

        using var response = await admin.HttpGetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("users", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("application/problem+json").MediaType, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(problem.TryGetProperty("users", out _), "no totals in a refusal");
    }
}
