using System.Globalization;
using System.Net;
using Shop.SystemTests.Support;

namespace Shop.SystemTests.Journeys;

/// <summary>What people do with Shop, end to end through the gateway, told by the mails they receive.</summary>
[Collection(SystemCollection.Name)]
public sealed class ShoppingJourneyTests(SystemStack stack)
{
    [Fact]
    public async Task A_customer_signs_in_sets_a_picture_orders_from_the_cart_and_hears_of_every_step()
    {
        var admin = await stack.AdminAsync();
        Assert.Contains("admin", (await admin.MeAsync()).Roles);
        var kettle = await admin.CreateProductAsync($"Kettle {Guid.NewGuid():N}", 24.50m, 10, "Boils water.");
        var mug = await admin.CreateProductAsync($"Mug {Guid.NewGuid():N}", 7.25m, 10);

        using var customer = await stack.NewCustomerAsync();
        var me = await customer.MeAsync();
        Assert.True(me.EmailVerified);
        Assert.DoesNotContain("admin", me.Roles);
        Assert.Null(me.AvatarUrl);

        var picture = Pictures.Png(64 * 1024);
        await customer.PutPictureAsync(picture, "image/png");
        Assert.NotNull((await customer.MeAsync()).AvatarUrl);
        using (var stored = await customer.Http.GetAsync(new Uri("/auth/me/avatar", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
            Assert.Equal("image/png", stored.Content.Headers.ContentType?.MediaType);
            Assert.True(Pictures.SameSize(picture, await stored.Content.ReadAsByteArrayAsync()));
        }

        await customer.SetCartItemAsync(kettle.Id, 2);
        var cart = await customer.SetCartItemAsync(mug.Id, 3);
        Assert.Equal((2 * 24.50m) + (3 * 7.25m), cart.Total);

        var placed = await customer.PlaceOrderAsync(null);
        Assert.Equal([(kettle.Id, 2), (mug.Id, 3)], placed.Items.Select(line => (line.ProductId, line.Quantity)).OrderBy(line => line.Quantity));
        Assert.Equal(cart.Total, placed.Total);
        Assert.Empty((await customer.CartAsync()).Items);
        Assert.Equal("confirmed", (await customer.SettledOrderAsync(placed.Id)).Status);
        var confirmed = await stack.Mail.SingleAsync(customer.Email, Mails.OrderStatus(placed.Id, "confirmed"));
        Assert.Contains(placed.Total.ToString("0.00", CultureInfo.InvariantCulture), confirmed.Text, StringComparison.Ordinal);
        Assert.Equal(8, (await customer.ProductAsync(kettle.Id)).Stock);

        Assert.Equal("shipped", (await admin.SetOrderStatusAsync(placed.Id, "shipped")).Status);
        await stack.Mail.SingleAsync(customer.Email, Mails.OrderStatus(placed.Id, "shipped"));
        Assert.Equal("delivered", (await admin.SetOrderStatusAsync(placed.Id, "delivered")).Status);
        await stack.Mail.SingleAsync(customer.Email, Mails.OrderStatus(placed.Id, "delivered"));

        var orders = await customer.OrdersAsync();
        Assert.Equal("delivered", Assert.Single(orders.Items).Status);
        Assert.Equal(HttpStatusCode.Conflict, await customer.StatusOfAsync(HttpMethod.Post, $"/order/{placed.Id}/cancel"));
    }

    [Fact]
    public async Task An_order_beyond_the_stock_is_rejected_and_a_cancelled_one_gives_its_stock_back()
    {
        var admin = await stack.AdminAsync();
        var lamp = await admin.CreateProductAsync($"Lamp {Guid.NewGuid():N}", 40m, 3);
        using var customer = await stack.NewCustomerAsync();

        var tooMany = await customer.PlaceOrderAsync([new OrderItem(lamp.Id, 5)]);
        Assert.Equal("rejected", (await customer.SettledOrderAsync(tooMany.Id)).Status);
        await stack.Mail.SingleAsync(customer.Email, Mails.OrderStatus(tooMany.Id, "rejected"));

        var key = Guid.NewGuid().ToString();
        var two = await customer.PlaceOrderAsync([new OrderItem(lamp.Id, 2)], key);
        Assert.Equal(two.Id, (await customer.PlaceOrderAsync([new OrderItem(lamp.Id, 2)], key)).Id);
        Assert.Equal("confirmed", (await customer.SettledOrderAsync(two.Id)).Status);
        Assert.Equal(1, (await customer.ProductAsync(lamp.Id)).Stock);

        Assert.Equal("cancelled", (await customer.CancelOrderAsync(two.Id)).Status);
        await stack.Mail.SingleAsync(customer.Email, Mails.OrderStatus(two.Id, "cancelled"));
        await Shop.Testing.Eventually.GetAsync(() => customer.ProductAsync(lamp.Id), product => product.Stock == 3, TimeSpan.FromSeconds(60), "stock given back");
        Assert.Equal(2, (await customer.OrdersAsync()).Total);
    }

    [Fact]
    public async Task A_cart_left_alone_brings_one_reminder()
    {
        var admin = await stack.AdminAsync();
        var plant = await admin.CreateProductAsync($"Plant {Guid.NewGuid():N}", 12m, 5);
        using var customer = await stack.NewCustomerAsync();

        await customer.SetCartItemAsync(plant.Id, 1);
        await customer.SetCartItemAsync(plant.Id, 2);

        // The delay is 3 s (SystemStack): a reminder within the deadline, and still one after several delays more.
        var reminder = Assert.Single(await stack.Mail.WaitForAsync(customer.Email, Mails.IsCartReminder, 1, TimeSpan.FromSeconds(90)));
        Assert.Equal("You left 2 items in your Shop cart", reminder.Subject);
        await Task.Delay(TimeSpan.FromSeconds(10));
        Assert.Single(await stack.Mail.ListAsync(), mail => mail.To.Any(to => to.Address == customer.Email) && Mails.IsCartReminder(mail));
    }

    [Fact]
    public async Task A_picture_is_judged_by_its_content_replaced_and_deleted()
    {
        using var customer = await stack.NewCustomerAsync();
        var jpeg = Pictures.Jpeg(10_000);
        await customer.PutPictureAsync(jpeg, "image/png");
        using (var stored = await customer.Http.GetAsync(new Uri("/auth/me/avatar", UriKind.Relative)))
        {
            Assert.Equal("image/jpeg", stored.Content.Headers.ContentType?.MediaType);
            Assert.True(Pictures.SameSize(jpeg, await stored.Content.ReadAsByteArrayAsync()));
        }

        using (var text = Pictures.Form("not a picture"u8.ToArray(), "image/png"))
        {
            using var refused = await customer.Http.PutAsync(new Uri("/auth/me/avatar", UriKind.Relative), text);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, await customer.StatusOfAsync(HttpMethod.Delete, "/auth/me/avatar"));
        Assert.Equal(HttpStatusCode.NotFound, await customer.StatusOfAsync(HttpMethod.Get, "/auth/me/avatar"));
        Assert.Null((await customer.MeAsync()).AvatarUrl);
    }
}
