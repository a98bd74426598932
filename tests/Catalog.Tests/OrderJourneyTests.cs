using System.Net;
using System.Text.Json;
using Shop.Catalog.Tests.Support;
using Shop.Products.IntegrationEvents.Handlers;
using Shop.Testing;

namespace Shop.Catalog.Tests;

/// <summary>Carts and orders end to end: orders, products and the events between them, with real sign-ins.</summary>
[Collection(CatalogCollection.Name)]
public sealed class OrderJourneyTests(CatalogStack stack)
{
    [Fact]
    public async Task A_checked_out_cart_becomes_a_confirmed_order_at_catalogue_prices()
    {
        const string email = "journey-cart@catalog.test";
        using var customer = await stack.Accounts.ClientAsync(email);
        var kettle = await stack.CreateProductAsync("Journey kettle", 12.50m, 5);
        var mug = await stack.CreateProductAsync("Journey mug", 3.20m, 10);

        (await customer.PutJsonAsync($"/cart/items/{kettle.Id()}", new { quantity = 1 })).EnsureSuccessStatusCode();
        (await customer.PutJsonAsync($"/cart/items/{mug.Id()}", new { quantity = 3 })).EnsureSuccessStatusCode();
        using var changed = await customer.PutJsonAsync($"/cart/items/{kettle.Id()}", new { quantity = 2 });
        var cart = await changed.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(
            [(kettle.Id(), "Journey kettle", 12.50m, 2, 25.00m), (mug.Id(), "Journey mug", 3.20m, 3, 9.60m)],
            Lines(cart));
        Assert.Equal(34.60m, cart.GetProperty("total").GetDecimal());
        Assert.Equal(cart.ToString(), (await customer.GetJsonAsync("/cart")).ToString());

        using var placed = await customer.PostAsync(new Uri("/order", UriKind.Relative), null);
        var order = await placed.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/order/{order.Id()}", placed.Headers.Location?.OriginalString);
        Assert.Equal("pending", order.Status());
        Assert.Equal(Lines(cart), Lines(order));
        Assert.Equal(34.60m, order.GetProperty("total").GetDecimal());
        Assert.Empty((await customer.GetJsonAsync("/cart")).GetProperty("items").EnumerateArray());

        var settled = await customer.SettledAsync(order.Id());
        Assert.Equal("confirmed", settled.Status());
        Assert.Equal((3, 7), (await stack.StockAsync(kettle.Id()), await stack.StockAsync(mug.Id())));
        var confirmed = Assert.Single(await stack.Events.WaitForAsync("order_confirmed", EventLog.ForOrder(order.Id())));
        Assert.Equal(email, confirmed.Data.GetProperty("email").GetString());
        var cartEvents = await stack.Events.WaitForAsync("cart_updated", data => data.GetProperty("email").GetString() == email, count: 4);
        Assert.Equal([1, 4, 5, 0], cartEvents.Select(@event => @event.Data.GetProperty("itemCount").GetInt32()));
    }

    [Fact]
    public async Task An_order_beyond_the_stock_is_rejected_and_reserves_nothing()
    {
        using var customer = await stack.Accounts.ClientAsync("journey-rejected@catalog.test");
        var scarce = await stack.CreateProductAsync("Journey scarce", 40m, 1);
        var plenty = await stack.CreateProductAsync("Journey plenty", 1m, 50);

        var order = await customer.PlaceAsync((plenty.Id(), 5), (scarce.Id(), 2));

        Assert.Equal("rejected", (await customer.SettledAsync(order.Id())).Status());
        Assert.Equal((1, 50), (await stack.StockAsync(scarce.Id()), await stack.StockAsync(plenty.Id())));
        var rejected = Assert.Single(await stack.Events.WaitForAsync("order_rejected", EventLog.ForOrder(order.Id())));
        Assert.Contains(scarce.Id().ToString(), rejected.Data.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await (await customer.PostAsync(new Uri($"/order/{order.Id()}/cancel", UriKind.Relative), null)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancelling_gives_the_stock_back_exactly_once()
    {
        using var customer = await stack.Accounts.ClientAsync("journey-cancel@catalog.test");
        var lamp = await stack.CreateProductAsync("Journey lamp", 30m, 4);
        var order = await customer.PlaceAsync((lamp.Id(), 3));
        Assert.Equal("confirmed", (await customer.SettledAsync(order.Id())).Status());
        Assert.Equal(1, await stack.StockAsync(lamp.Id()));

        using var cancel = await customer.PostAsync(new Uri($"/order/{order.Id()}/cancel", UriKind.Relative), null);
        Assert.Equal("cancelled", (await cancel.JsonAsync(HttpStatusCode.OK)).Status());
        await (await customer.PostAsync(new Uri($"/order/{order.Id()}/cancel", UriKind.Relative), null)).ProblemAsync(HttpStatusCode.Conflict);

        await Eventually.GetAsync(() => stack.StockAsync(lamp.Id()), stock => stock == 4, TimeSpan.FromSeconds(30), "stock given back");
        var cancelled = Assert.Single(await stack.Events.WaitForAsync("order_cancelled", EventLog.ForOrder(order.Id())));
        await stack.Events.PublishAsync(cancelled, copy: "-redelivered");
        await stack.Events.WaitUntilHandledAsync(OrderCancelledHandler.Consumer);
        Assert.Single(await stack.Events.WaitForAsync("stock_released", EventLog.ForOrder(order.Id())));
        Assert.Equal(4, await stack.StockAsync(lamp.Id()));
    }

    [Fact]
    public async Task Admins_ship_and_deliver_and_every_other_move_is_409()
    {
        using var customer = await stack.Accounts.ClientAsync("journey-ship@catalog.test");
        using var admin = await stack.Accounts.ClientAsync(CatalogStack.AdminEmail);
        var chair = await stack.CreateProductAsync("Journey chair", 80m, 3);
        var order = await customer.PlaceAsync((chair.Id(), 1));
        await customer.SettledAsync(order.Id());
        var status = $"/order/{order.Id()}/status";

        await (await customer.PutJsonAsync(status, new { status = "shipped" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PutJsonAsync(status, new { status = "delivered" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutJsonAsync(status, new { status = "cancelled" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutJsonAsync(status, new { status = "confirmed" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("shipped", (await (await admin.PutJsonAsync(status, new { status = "shipped" })).JsonAsync(HttpStatusCode.OK)).Status());
        await (await customer.PostAsync(new Uri($"/order/{order.Id()}/cancel", UriKind.Relative), null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutJsonAsync(status, new { status = "shipped" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("delivered", (await (await admin.PutJsonAsync(status, new { status = "delivered" })).JsonAsync(HttpStatusCode.OK)).Status());
        await (await admin.PutJsonAsync($"/order/{Guid.NewGuid()}/status", new { status = "shipped" })).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("delivered", (await customer.GetJsonAsync($"/order/{order.Id()}")).Status());
        await stack.Events.WaitForAsync("order_shipped", EventLog.ForOrder(order.Id()));
        await stack.Events.WaitForAsync("order_delivered", EventLog.ForOrder(order.Id()));
    }

    [Fact]
    public async Task Orders_keep_the_price_they_were_placed_at()
    {
        using var customer = await stack.Accounts.ClientAsync("journey-price@catalog.test");
        using var admin = await stack.Accounts.ClientAsync(CatalogStack.AdminEmail);
        var shirt = await stack.CreateProductAsync("Journey shirt", 20m, 10);
        var before = await customer.PlaceAsync((shirt.Id(), 1));

        (await admin.PutJsonAsync($"/product/{shirt.Id()}", new { name = "Journey shirt", price = 25m, stock = 10 })).EnsureSuccessStatusCode();
        var after = await customer.PlaceAsync((shirt.Id(), 1));

        Assert.Equal(20m, (await customer.GetJsonAsync($"/order/{before.Id()}")).GetProperty("total").GetDecimal());
        Assert.Equal(25m, after.GetProperty("items")[0].GetProperty("unitPrice").GetDecimal());
    }

    [Fact]
    public async Task Customers_see_only_their_own_orders_newest_first()
    {
        using var alice = await stack.Accounts.ClientAsync("journey-alice@catalog.test");
        using var bob = await stack.Accounts.ClientAsync("journey-bob@catalog.test");
        var knife = await stack.CreateProductAsync("Journey knife", 9m, 20);
        var first = await alice.PlaceAsync((knife.Id(), 1));
        var second = await alice.PlaceAsync((knife.Id(), 2));
        var third = await alice.PlaceAsync((knife.Id(), 3));

        await (await bob.GetAsync(new Uri($"/order/{first.Id()}", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound);
        await (await bob.PostAsync(new Uri($"/order/{first.Id()}/cancel", UriKind.Relative), null)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(first.Id(), (await bob.GetJsonAsync("/order?pageSize=100")).GetProperty("items").EnumerateArray().Select(order => order.Id()));

        var page = await alice.GetJsonAsync("/order?pageSize=2");
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal([third.Id(), second.Id()], page.GetProperty("items").EnumerateArray().Select(order => order.Id()));
        Assert.Equal([first.Id()], (await alice.GetJsonAsync("/order?pageSize=2&page=2")).GetProperty("items").EnumerateArray().Select(order => order.Id()));
        Assert.NotEqual("cancelled", (await alice.GetJsonAsync($"/order/{first.Id()}")).Status());
    }

    [Fact]
    public async Task Fifty_parallel_orders_for_the_last_ten_units_confirm_exactly_ten()
    {
        var lastTen = await stack.CreateProductAsync("Journey last ten", 15m, 10);
        var customers = await Task.WhenAll(Enumerable.Range(0, 5).Select(index => stack.Accounts.ClientAsync($"journey-rush-{index}@catalog.test")));
        try
        {
            var placed = await Task.WhenAll(Enumerable.Range(0, 50).Select(index => customers[index % 5].PlaceAsync((lastTen.Id(), 1))));
            var settled = await Task.WhenAll(placed.Select((order, index) => customers[index % 5].SettledAsync(order.Id())));

            Assert.Equal(10, settled.Count(order => order.Status() == "confirmed"));
            Assert.Equal(40, settled.Count(order => order.Status() == "rejected"));
            Assert.Equal(0, await stack.StockAsync(lastTen.Id()));
        }
        finally
        {
            foreach (var customer in customers)
            {
                customer.Dispose();
            }
        }
    }

    private static List<(Guid, string, decimal, int, decimal)> Lines(JsonElement cartOrOrder) =>
        cartOrOrder.GetProperty("items").EnumerateArray()
            .Select(line => (line.GetProperty("productId").GetGuid(), line.GetProperty("name").GetString()!, line.GetProperty("unitPrice").GetDecimal(), line.GetProperty("quantity").GetInt32(), line.GetProperty("lineTotal").GetDecimal()))
            .ToList();
}
