using Shop.Access;
using Shop.Catalog.Tests.Support;
using Shop.DevStack;

namespace Shop.Catalog.Tests;

/// <summary>Products and orders describe every public route they serve at `/openapi/v1.json` (the gateway aggregates them).</summary>
[Collection(CatalogCollection.Name)]
public sealed class OpenApiTests(CatalogStack stack)
{
    [Theory]
    [InlineData("products")]
    [InlineData("orders")]
    public async Task The_document_covers_every_route_of_the_access_table(string service)
    {
        using var http = new HttpClient { BaseAddress = new Uri(stack.Stack.Service(ShopProject.Services.Single(project => project.Name == service)).Url) };
        var paths = (await http.GetJsonAsync("/openapi/v1.json")).GetProperty("paths");

        foreach (var rule in AccessTable.Rules.Where(rule => rule.Service == service))
        {
            Assert.True(
                paths.TryGetProperty(rule.Template, out var operations) && operations.TryGetProperty(rule.Method.ToLowerInvariant(), out _),
                $"{rule.Method} {rule.Template} is not in {service}'s OpenAPI document.");
        }
    }
}
