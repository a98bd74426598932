using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Auth.Tests.Support;

namespace Shop.Auth.Tests;

/// <summary>`customer` for everyone, `admin` from Auth__Admins and from promotion by an admin.</summary>
[Collection(AuthStackCollection.Name)]
public sealed class RoleTests(AuthStackFixture fixture)
{
    private readonly AuthClient client = fixture.Client();

    [Fact]
    public async Task A_configured_address_signs_in_as_admin()
    {
        var tokens = await fixture.AdminAsync();

        Assert.Equal(["customer", "admin"], Roles(TestTokens.Payload(tokens.AccessToken).GetProperty("role")));
        Assert.Equal(["customer", "admin"], Roles((await client.GetMeAsync(tokens.AccessToken)).GetProperty("roles")));
    }

    [Fact]
    public async Task An_admin_promotes_a_customer_whose_next_token_says_admin()
    {
        var admin = await fixture.AdminAsync();
        var customer = await client.SignInAsync(AuthClient.NewEmail("promoted"));
        var customerId = TestTokens.Payload(customer.AccessToken).GetProperty("sub").GetString();

        using var promote = await SetRolesAsync(admin.AccessToken, customerId!, ["admin"]);
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        var user = await promote.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(customerId, user.GetProperty("id").GetString());
        Assert.Equal(["customer", "admin"], Roles(user.GetProperty("roles")));

        var refreshed = await AuthClient.ReadTokensAsync(await client.RefreshAsync(customer.RefreshToken));
        Assert.Equal(["customer", "admin"], Roles(TestTokens.Payload(refreshed.AccessToken).GetProperty("role")));

        using var demote = await SetRolesAsync(admin.AccessToken, customerId!, []);
        Assert.Equal(["customer"], Roles((await demote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles")));
    }

    [Fact]
    public async Task Only_admins_change_roles()
    {
        var customer = await client.SignInAsync(AuthClient.NewEmail("climber"));
        var self = TestTokens.Payload(customer.AccessToken).GetProperty("sub").GetString()!;

        await Problems.AssertProblemAsync(await SetRolesAsync(customer.AccessToken, self, ["admin"]), HttpStatusCode.Forbidden);
        await Problems.AssertProblemAsync(await SetRolesAsync(null, self, ["admin"]), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_users_bad_ids_and_unknown_roles_are_refused()
    {
        var admin = await fixture.AdminAsync();
        var someone = TestTokens.Payload((await client.SignInAsync(AuthClient.NewEmail("target"))).AccessToken).GetProperty("sub").GetString()!;

        await Problems.AssertProblemAsync(await SetRolesAsync(admin.AccessToken, Guid.NewGuid().ToString(), ["admin"]), HttpStatusCode.NotFound);
        await Problems.AssertValidationProblemAsync(await SetRolesAsync(admin.AccessToken, "not-a-uuid", ["admin"]), "id");
        await Problems.AssertValidationProblemAsync(await SetRolesAsync(admin.AccessToken, someone, ["root"]), "roles");
        await Problems.AssertProblemAsync(await client.SendAsync(HttpMethod.Put, $"/auth/users/{someone}/roles", admin.AccessToken, JsonContent.Create(new { roles = "admin" })), HttpStatusCode.BadRequest);
    }

    private Task<HttpResponseMessage> SetRolesAsync(string? accessToken, string userId, string[] roles) =>
        client.SendAsync(HttpMethod.Put, $"/auth/users/{userId}/roles", accessToken, JsonContent.Create(new { roles }));

    private static string[] Roles(JsonElement roles) => roles.EnumerateArray().Select(role => role.GetString()!).ToArray();
}
