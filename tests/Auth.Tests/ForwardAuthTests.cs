using System.Net;
using Shop.Auth.Tests.Support;

namespace Shop.Auth.Tests;

/// <summary>`/authn` and `/authz` as nginx and Traefik call them (contract.md section 3, internal forward-auth).</summary>
[Collection(AuthStackCollection.Name)]
public sealed class ForwardAuthTests(AuthStackFixture fixture)
{
    private readonly AuthClient client = fixture.Client();

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Authn_answers_the_identity_of_a_valid_token(string method)
    {
        var email = AuthClient.NewEmail("authn");
        var tokens = await client.SignInAsync(email);

        using var response = await client.SendAsync(new HttpMethod(method), "/authn", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestTokens.Payload(tokens.AccessToken).GetProperty("sub").GetString(), Header(response, "X-User-Id"));
        Assert.Equal(email, Header(response, "X-User-Email"));
        Assert.Equal("customer", Header(response, "X-User-Roles"));
    }

    [Fact]
    public async Task Authn_without_a_token_is_401()
    {
        using var response = await client.SendAsync(HttpMethod.Get, "/authn");

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Authz_judges_the_original_request_by_the_access_table()
    {
        var customer = (await client.SignInAsync(AuthClient.NewEmail("authz"))).AccessToken;
        var admin = (await fixture.AdminAsync()).AccessToken;

        // nginx style
        Assert.Equal(HttpStatusCode.OK, await AuthzAsync(null, ("X-Original-Method", "GET"), ("X-Original-URI", "/product?page=2")));
        Assert.Equal(HttpStatusCode.Unauthorized, await AuthzAsync(null, ("X-Original-Method", "GET"), ("X-Original-URI", "/cart")));
        Assert.Equal(HttpStatusCode.OK, await AuthzAsync(customer, ("X-Original-Method", "GET"), ("X-Original-URI", "/cart")));
        Assert.Equal(HttpStatusCode.Forbidden, await AuthzAsync(customer, ("X-Original-Method", "POST"), ("X-Original-URI", "/product")));
        Assert.Equal(HttpStatusCode.OK, await AuthzAsync(admin, ("X-Original-Method", "POST"), ("X-Original-URI", "/product")));

        // ingress-nginx passes the whole URL
        Assert.Equal(HttpStatusCode.Forbidden, await AuthzAsync(customer, ("X-Original-Method", "PUT"), ("X-Original-URL", "https://shop.example/order/1/status")));
        Assert.Equal(HttpStatusCode.OK, await AuthzAsync(admin, ("X-Original-Method", "PUT"), ("X-Original-URL", "https://shop.example/order/1/status")));

        // Traefik style
        Assert.Equal(HttpStatusCode.Unauthorized, await AuthzAsync(null, ("X-Forwarded-Method", "DELETE"), ("X-Forwarded-Uri", "/cart/items/42")));
        Assert.Equal(HttpStatusCode.OK, await AuthzAsync(customer, ("X-Forwarded-Method", "DELETE"), ("X-Forwarded-Uri", "/cart/items/42")));
    }

    [Fact]
    public async Task Authz_passes_the_identity_on_when_signed_in()
    {
        var email = AuthClient.NewEmail("identity");
        var tokens = await client.SignInAsync(email);

        using var response = await client.SendAsync(HttpMethod.Post, "/authz", tokens.AccessToken, headers: [("X-Original-Method", "GET"), ("X-Original-URI", "/order")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(email, Header(response, "X-User-Email"));
        Assert.Equal("customer", Header(response, "X-User-Roles"));
    }

    [Fact]
    public async Task Authz_refuses_routes_that_are_not_public_and_tricks_around_the_table()
    {
        var admin = (await fixture.AdminAsync()).AccessToken;

        Assert.Equal(HttpStatusCode.Forbidden, await AuthzAsync(admin, ("X-Original-Method", "GET"), ("X-Original-URI", "/authn")));
        Assert.Equal(HttpStatusCode.Forbidden, await AuthzAsync(admin, ("X-Original-Method", "GET"), ("X-Original-URI", "/internal/stats")));
        Assert.Equal(HttpStatusCode.Forbidden, await AuthzAsync(null, ("X-Original-Method", "GET"), ("X-Original-URI", "/product/../stats")));
        Assert.Equal(HttpStatusCode.Forbidden, await AuthzAsync(null, ("X-Original-Method", "GET"), ("X-Original-URL", "http://shop.example/product/%2e%2e/stats")));
    }

    [Fact]
    public async Task Authz_without_the_original_request_is_a_validation_error() =>
        await Problems.AssertValidationProblemAsync(await client.SendAsync(HttpMethod.Get, "/authz"), "headers");

    private async Task<HttpStatusCode> AuthzAsync(string? accessToken, params (string Name, string Value)[] headers)
    {
        using var response = await client.SendAsync(HttpMethod.Get, "/authz", accessToken, headers: headers);
        return response.StatusCode;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
