using System.Net;
using System.Text.Json;
using Shop.Access;
using Shop.Gateway.Tests.Infrastructure;

namespace Shop.Gateway.Tests;

/// <summary>The gateway publishes each service's OpenAPI document reduced to the public routes, and a browsable UI.</summary>
[Collection(ObservedGatewayCollection.Name)]
public sealed class OpenApiTests(ObservedGateway observed)
{
    [Fact]
    public async Task A_published_document_keeps_only_the_public_operations()
    {
        var document = await GetJsonAsync("/openapi/products.json");

        var paths = document.GetProperty("paths");
        Assert.Equal(["/product", "/product/{productId}"], paths.EnumerateObject().Select(path => path.Name).Order());
        Assert.Equal(["delete", "get", "parameters", "put"], paths.GetProperty("/product/{productId}").EnumerateObject().Select(item => item.Name).Order());
        Assert.Equal("/", document.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("Product", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());

        var create = paths.GetProperty("/product").GetProperty("post");
        Assert.Equal("admin", create.GetProperty("x-access").GetString());
        Assert.True(create.GetProperty("security")[0].TryGetProperty("bearer", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("403", out _));
        Assert.False(paths.GetProperty("/product").GetProperty("get").TryGetProperty("security", out _));
    }

    [Theory]
    [InlineData("orders")]
    [InlineData("auth")]
    public async Task A_service_without_a_document_gets_an_outline_of_its_public_routes(string service)
    {
        var document = await GetJsonAsync($"/openapi/{service}.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Method: operation.Name.ToUpperInvariant(), Template: path.Name, Access: operation.Value.GetProperty("x-access").GetString())))
            .Order()
            .ToList();
        var expected = AccessTable.Rules.Where(rule => rule.Service == service)
            .Select(rule => (rule.Method, rule.Template, Access: (string?)rule.Access.ToString().ToLowerInvariant()))
            .Order()
            .ToList();
        Assert.Equal(expected, operations);
    }

    [Theory]
    [InlineData("/openapi/gateway.json")]
    [InlineData("/openapi/notifications.json")]
    [InlineData("/openapi/..%2Fauth.json")]
    public async Task Documents_exist_only_for_the_services_behind_the_gateway(string target)
    {
        using var response = await observed.Client.GetAsync(new Uri(target, UriKind.Relative));

        await GatewayClient.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_docs_page_lists_every_service_document()
    {
        using var page = await observed.Client.GetAsync(new Uri("/docs/index.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        var settings = await observed.Client.GetStringAsync(new Uri("/docs/index.js", UriKind.Relative));
        foreach (var service in new[] { "auth", "products", "orders" })
        {
            Assert.Contains($"\"url\":\"/openapi/{service}.json\"", settings, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/docs/index.html")]
    [InlineData("/docs/index.js")]
    [InlineData("/docs")]
    public async Task The_docs_ui_carries_the_same_protective_headers_as_the_admin_page(string path)
    {
        using var response = await observed.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True((int)response.StatusCode is >= 200 and < 400, $"{path}: {(int)response.StatusCode}");
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await observed.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }
}
