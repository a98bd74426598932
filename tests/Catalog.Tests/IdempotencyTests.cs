using System.Net;
using System.Text.Json;
using Shop.Catalog.Tests.Support;

namespace Shop.Catalog.Tests;

/// <summary>`Idempotency-Key` on `POST /order`: a retry never orders twice; a reused key with another body is 422.</summary>
[Collection(CatalogCollection.Name)]
public sealed class IdempotencyTests(CatalogStack stack)
{
    [Fact]
    public async Task Retries_with_the_same_key_and_body_return_the_first_answer_and_one_order()
    {
        using var customer = await stack.Accounts.ClientAsync("idempotent-retry@catalog.test");
        var mug = await stack.CreateProductAsync("Idempotent mug", 6m, 100);
        var body = JsonSerializer.Serialize(new { items = new[] { new { productId = mug.Id(), quantity = 2 } } });
        var key = Guid.NewGuid().ToString();
        var before = await OrderCountAsync(customer);

        using var first = await PostAsync(customer, body, key);
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await customer.SettledAsync(JsonDocument.Parse(firstBody).RootElement.Id());
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostAsync(customer, body.Replace(":", ": ", StringComparison.Ordinal), key)));

        foreach (var retry in retries)
        {
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal(first.Headers.Location, retry.Headers.Location);
            Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
            retry.Dispose();
        }

        Assert.Equal(before + 1, await OrderCountAsync(customer));
        Assert.Equal(98, await stack.StockAsync(mug.Id()));
    }

    [Fact]
    public async Task Concurrent_first_requests_with_one_key_create_one_order()
    {
        using var customer = await stack.Accounts.ClientAsync("idempotent-race@catalog.test");
        var lamp = await stack.CreateProductAsync("Idempotent lamp", 6m, 100);
        var body = JsonSerializer.Serialize(new { items = new[] { new { productId = lamp.Id(), quantity = 1 } } });
        var key = "race-" + Guid.NewGuid().ToString("N");
        var before = await OrderCountAsync(customer);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(customer, body, key)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        Assert.Single(responses.Select(response => response.Headers.Location).Distinct());
        Assert.Equal(before + 1, await OrderCountAsync(customer));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_orders_nothing()
    {
        using var customer = await stack.Accounts.ClientAsync("idempotent-mismatch@catalog.test");
        var chair = await stack.CreateProductAsync("Idempotent chair", 6m, 100);
        var key = Guid.NewGuid().ToString();
        using (var first = await PostAsync(customer, Items(chair.Id(), 1), key))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var before = await OrderCountAsync(customer);
        await (await PostAsync(customer, Items(chair.Id(), 2), key)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await PostAsync(customer, null, key)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await OrderCountAsync(customer));
    }

    [Fact]
    public async Task Keys_belong_to_the_user_who_sent_them()
    {
        using var alice = await stack.Accounts.ClientAsync("idempotent-alice@catalog.test");
        using var bob = await stack.Accounts.ClientAsync("idempotent-bob@catalog.test");
        var table = await stack.CreateProductAsync("Idempotent table", 6m, 100);
        var key = Guid.NewGuid().ToString();

        using var forAlice = await PostAsync(alice, Items(table.Id(), 1), key);
        using var forBob = await PostAsync(bob, Items(table.Id(), 1), key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (forAlice.StatusCode, forBob.StatusCode));
        Assert.NotEqual(forAlice.Headers.Location, forBob.Headers.Location);
    }

    [Fact]
    public async Task A_repeated_cart_checkout_returns_the_order_although_the_cart_is_now_empty()
    {
        using var customer = await stack.Accounts.ClientAsync("idempotent-cart@catalog.test");
        var knife = await stack.CreateProductAsync("Idempotent knife", 6m, 100);
        (await customer.PutJsonAsync($"/cart/items/{knife.Id()}", new { quantity = 3 })).EnsureSuccessStatusCode();
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(customer, null, key);
        using var again = await PostAsync(customer, null, key);
        using var withoutKey = await PostAsync(customer, null, null);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        await withoutKey.ValidationProblemAsync("cart");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient customer, string? body, string? key) =>
        customer.SendRawAsync(HttpMethod.Post, "/order", body, request =>
        {
            if (key is not null)
            {
                request.Headers.Add("Idempotency-Key", key);
            }
        });

    private static string Items(Guid productId, int quantity) =>
        JsonSerializer.Serialize(new { items = new[] { new { productId, quantity } } });

    private static async Task<long> OrderCountAsync(HttpClient customer) =>
        (await customer.GetJsonAsync("/order?pageSize=1")).GetProperty("total").GetInt64();
}
