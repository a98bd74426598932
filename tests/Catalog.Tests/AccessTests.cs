using System.Net;
using Shop.Access;
using Shop.Catalog.Tests.Support;

namespace Shop.Catalog.Tests;

/// <summary>
/// Products and orders enforce the access table themselves (defence in depth behind the gateway): for every
/// route they serve, no token is 401 unless the route is anonymous, and a customer's token is 403 on admin routes.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class AccessTests(CatalogStack stack)
{
    public static TheoryData<string, string> OurRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in AccessTable.Rules.Where(rule => rule.Service is "products" or "orders"))
        {
            data.Add(rule.Method, rule.Template);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OurRoutes))]
    public async Task Each_route_admits_exactly_its_access_level(string method, string template)
    {
        var rule = AccessTable.Rules.Single(candidate => candidate.Method == method && candidate.Template == template);
        var path = template.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{productId}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        using var anonymous = stack.CreateDirectClient();
        using var customer = stack.CreateDirectClient(await stack.Accounts.TokenAsync("access-customer@catalog.test"));
        using var admin = stack.CreateDirectClient(await stack.Accounts.AdminTokenAsync());

        var asAnonymous = await StatusAsync(anonymous, method, path);
        var asCustomer = await StatusAsync(customer, method, path);
        var asAdmin = await StatusAsync(admin, method, path);

        Assert.Equal(rule.Access != AccessLevel.Anonymous, asAnonymous == HttpStatusCode.Unauthorized);
        Assert.Equal(rule.Access == AccessLevel.Admin, asCustomer == HttpStatusCode.Forbidden);
        Assert.NotEqual(HttpStatusCode.Unauthorized, asCustomer);
        Assert.DoesNotContain(asAdmin, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task A_token_that_is_not_from_auth_is_401()
    {
        var token = await stack.Accounts.TokenAsync("access-forger@catalog.test");
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA";
        using var client = stack.CreateDirectClient(forged);

        await (await client.GetAsync(new Uri("/cart", UriKind.Relative))).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>The status for a harmless request: writes carry an empty object, so allowed ones stop at validation.</summary>
    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string method, string path)
    {
        var body = method is "POST" or "PUT" ? "{}" : null;
        using var response = await client.SendRawAsync(new HttpMethod(method), path, body);
        return response.StatusCode;
    }
}
