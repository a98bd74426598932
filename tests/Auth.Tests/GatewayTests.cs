using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Auth.Tests.Support;

namespace Shop.Auth.Tests;

/// <summary>Auth as the outside sees it: through the gateway, the only public entry point.</summary>
[Collection(AuthStackCollection.Name)]
public sealed class GatewayTests(AuthStackFixture fixture)
{
    private readonly AuthClient gateway = fixture.Client(fixture.Stack.Gateway);

    [Fact]
    public async Task The_whole_journey_works_through_the_gateway()
    {
        var email = AuthClient.NewEmail("public");
        var tokens = await gateway.SignInAsync(email);
        Assert.Equal(email, (await gateway.GetMeAsync(tokens.AccessToken)).GetProperty("email").GetString());

        var picture = TestPictures.Png(32, 24);
        using var upload = await gateway.SendAsync(HttpMethod.Put, "/auth/me/avatar", tokens.AccessToken, TestPictures.Multipart(picture));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var avatarUrl = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("avatarUrl").GetString()!;
        using var download = await gateway.SendAsync(HttpMethod.Get, avatarUrl, tokens.AccessToken);
        Assert.Equal((32, 24), TestPictures.Size(await download.Content.ReadAsByteArrayAsync()));
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);

        var kid = TestTokens.Header(tokens.AccessToken).GetProperty("kid").GetString();
        Assert.Contains(kid, (await TokenTests.ReadJwksAsync(gateway)).Keys.Select(key => key.Kid));
        var refreshed = await AuthClient.ReadTokensAsync(await gateway.RefreshAsync(tokens.RefreshToken));
        using var logout = await gateway.LogoutAsync(refreshed.RefreshToken);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
    }

    [Theory]
    [InlineData("/authn")]
    [InlineData("/authz")]
    [InlineData("/internal/stats")]
    [InlineData("/.well-known/openid-configuration")]
    public async Task Internal_endpoints_are_not_reachable_through_the_gateway(string path)
    {
        var admin = await fixture.AdminAsync();

        using var response = await gateway.SendAsync(HttpMethod.Get, path, admin.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
