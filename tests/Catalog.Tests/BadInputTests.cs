using System.Net;
using Shop.Catalog.Tests.Support;

namespace Shop.Catalog.Tests;

/// <summary>Client mistakes are 400 ProblemDetails naming what is wrong, and nothing is half-written.</summary>
[Collection(CatalogCollection.Name)]
public sealed class BadInputTests(CatalogStack stack)
{
    private const string Customer = "bad-input@catalog.test";

    public static TheoryData<string, string> BadProducts => new()
    {
        { """{"name": "TAG", "price": 1, "stock": 1""", "$" },
        { """{"name": "TAG", "price": "1", "stock": 1}""", "price" },
        { """{"name": "TAG", "price": 1, "stock": 1.5}""", "stock" },
        { """{"name": "TAG", "price": -1, "stock": 1}""", "price" },
        { """{"name": "TAG", "price": 1.001, "stock": 1}""", "price" },
        { """{"name": "TAG", "price": 1e30, "stock": 1}""", "price" },
        { """{"name": "TAG", "price": 1, "stock": 99999999999}""", "stock" },
        { """{"name": "TAG", "price": 1, "stock": -5}""", "stock" },
        { """{"name": "TAG", "price": 1, "stock": 1, "isFeatured": true}""", "$" },
        { """{"name": null, "price": 1, "stock": 1}""", "name" },
        { """{"price": 1, "stock": 1}""", "$" },
        { """{"name": "TAG\u0000", "price": 1, "stock": 1}""", "name" },
        { """{"name": "TAGxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "price": 1, "stock": 1}""", "name" },
        { "[]", "$" },
    };

    [Theory]
    [MemberData(nameof(BadProducts))]
    public async Task Bad_product_bodies_are_400_and_create_nothing(string body, string field)
    {
        using var admin = await stack.Accounts.ClientAsync(CatalogStack.AdminEmail);
        var tag = Catalogue.NewTag();

        using var created = await admin.SendRawAsync(HttpMethod.Post, "/product", body.Replace("TAG", tag, StringComparison.Ordinal));
        var problem = await created.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors) && (field == "$" || errors.TryGetProperty(field, out _)), problem.ToString());

        var existing = await stack.CreateProductAsync("Bad input target " + tag, 5m, 5);
        using var updated = await admin.SendRawAsync(HttpMethod.Put, $"/product/{existing.Id()}", body.Replace("TAG", tag, StringComparison.Ordinal));
        await updated.ProblemAsync(HttpStatusCode.BadRequest);

        using var api = stack.CreateApiClient();
        Assert.Equal(1, (await api.GetJsonAsync($"/product?q={tag}")).GetProperty("total").GetInt64());
        Assert.Equal(5m, (await api.GetJsonAsync($"/product/{existing.Id()}")).GetProperty("price").GetDecimal());
    }

    [Theory]
    [InlineData("/product?page=0", "page")]
    [InlineData("/product?page=abc", "page")]
    [InlineData("/product?pageSize=101", "pageSize")]
    [InlineData("/product?pageSize=99999999999", "pageSize")]
    [InlineData("/product?sort=popularity", "sort")]
    [InlineData("/product?minPrice=-1", "minPrice")]
    [InlineData("/product?minPrice=ten", "minPrice")]
    [InlineData("/product?minPrice=9&maxPrice=3", "minPrice")]
    [InlineData("/product/not-a-uuid", "id")]
    public async Task Bad_catalogue_queries_are_400(string path, string field)
    {
        using var api = stack.CreateApiClient();
        await (await api.GetAsync(new Uri(path, UriKind.Relative))).ValidationProblemAsync(field);
    }

    [Fact]
    public async Task An_over_long_search_is_400()
    {
        using var api = stack.CreateApiClient();
        await (await api.GetAsync(new Uri("/product?q=" + new string('q', 201), UriKind.Relative))).ValidationProblemAsync("q");
    }

    [Fact]
    public async Task Bad_cart_changes_are_400_or_404_and_leave_the_cart_alone()
    {
        using var customer = await stack.Accounts.ClientAsync(Customer);
        var lamp = await stack.CreateProductAsync("Bad input lamp", 2m, 10);
        (await customer.PutJsonAsync($"/cart/items/{lamp.Id()}", new { quantity = 2 })).EnsureSuccessStatusCode();
        var before = (await customer.GetJsonAsync("/cart")).ToString();

        await (await customer.PutJsonAsync("/cart/items/not-a-uuid", new { quantity = 1 })).ValidationProblemAsync("productId");
        await (await customer.PutJsonAsync($"/cart/items/{lamp.Id()}", new { quantity = 101 })).ValidationProblemAsync("quantity");
        await (await customer.PutJsonAsync($"/cart/items/{lamp.Id()}", new { quantity = -1 })).ValidationProblemAsync("quantity");
        await (await customer.SendRawAsync(HttpMethod.Put, $"/cart/items/{lamp.Id()}", """{"quantity": "3"}""")).ValidationProblemAsync("quantity");
        await (await customer.SendRawAsync(HttpMethod.Put, $"/cart/items/{lamp.Id()}", """{"quantity": 3, "price": 0}""")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await customer.SendRawAsync(HttpMethod.Put, $"/cart/items/{lamp.Id()}", """{"quantity": 3""")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await customer.PutJsonAsync($"/cart/items/{Guid.NewGuid()}", new { quantity = 1 })).ProblemAsync(HttpStatusCode.NotFound);
        await (await customer.DeleteAsync(new Uri("/cart/items/123", UriKind.Relative))).ValidationProblemAsync("productId");

        Assert.Equal(before, (await customer.GetJsonAsync("/cart")).ToString());
    }

    public static TheoryData<string, string> BadOrders => new()
    {
        { """{"items": [{"productId": "PRODUCT", "quantity": 1}""", "$" },
        { """{"items": []}""", "items" },
        { """{"items": null}""", "items" },
        { """{}""", "$" },
        { """{"items": [{"productId": "PRODUCT", "quantity": 0}]}""", "items[0].quantity" },
        { """{"items": [{"productId": "PRODUCT", "quantity": 101}]}""", "items[0].quantity" },
        { """{"items": [{"productId": "PRODUCT", "quantity": 99999999999}]}""", "items[0].quantity" },
        { """{"items": [{"productId": "PRODUCT", "quantity": "1"}]}""", "items[0].quantity" },
        { """{"items": [{"productId": "not-a-uuid", "quantity": 1}]}""", "items[0].productId" },
        { """{"items": [{"productId": "PRODUCT", "quantity": 1, "unitPrice": 0.01}]}""", "$" },
        { """{"items": [{"productId": "PRODUCT", "quantity": 1}, {"productId": "PRODUCT", "quantity": 1}]}""", "items[1].productId" },
        { """{"items": [{"productId": "00000000-0000-0000-0000-000000000001", "quantity": 1}]}""", "items[0].productId" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task Bad_orders_are_400_and_order_nothing(string body, string field)
    {
        using var customer = await stack.Accounts.ClientAsync(Customer);
        var product = await stack.CreateProductAsync("Bad input order target", 2m, 10);
        var before = (await customer.GetJsonAsync("/order?pageSize=1")).GetProperty("total").GetInt64();

        using var response = await customer.SendRawAsync(HttpMethod.Post, "/order", body.Replace("PRODUCT", product.Id().ToString(), StringComparison.Ordinal));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(field == "$" || problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());

        Assert.Equal(before, (await customer.GetJsonAsync("/order?pageSize=1")).GetProperty("total").GetInt64());
        Assert.Equal(10, await stack.StockAsync(product.Id()));
    }

    [Theory]
    [InlineData("has spaces")]
    [InlineData("")]
    public async Task Bad_idempotency_keys_are_400(string key)
    {
        using var customer = await stack.Accounts.ClientAsync(Customer);
        using var response = await customer.SendRawAsync(HttpMethod.Post, "/order", """{"items": []}""", request => request.Headers.TryAddWithoutValidation("Idempotency-Key", key));
        await response.ValidationProblemAsync("Idempotency-Key");
    }

    [Fact]
    public async Task An_over_long_idempotency_key_is_400()
    {
        using var customer = await stack.Accounts.ClientAsync(Customer);
        using var response = await customer.SendRawAsync(HttpMethod.Post, "/order", null, request => request.Headers.Add("Idempotency-Key", new string('k', 256)));
        await response.ValidationProblemAsync("Idempotency-Key");
    }

    [Theory]
    [InlineData("/order/not-a-uuid", "id")]
    [InlineData("/order?page=0", "page")]
    [InlineData("/order?pageSize=500", "pageSize")]
    public async Task Bad_order_reads_are_400(string path, string field)
    {
        using var customer = await stack.Accounts.ClientAsync(Customer);
        await (await customer.GetAsync(new Uri(path, UriKind.Relative))).ValidationProblemAsync(field);
    }

    [Fact]
    public async Task An_unknown_status_is_400_and_a_bad_order_id_is_400()
    {
        using var admin = await stack.Accounts.ClientAsync(CatalogStack.AdminEmail);
        await (await admin.PutJsonAsync($"/order/{Guid.NewGuid()}/status", new { status = "teleported" })).ValidationProblemAsync("status");
        await (await admin.PutJsonAsync("/order/42/status", new { status = "shipped" })).ValidationProblemAsync("id");
        await (await admin.SendRawAsync(HttpMethod.Put, $"/order/{Guid.NewGuid()}/status", """{"status": 3}""")).ValidationProblemAsync("status");
    }
}
