using Shop.Analytics.Tests.Support;
using Shop.Testing;

namespace Shop.Analytics.Tests;

/// <summary>The totals move with what happens in the shop, by exactly the right amounts.</summary>
[Collection(AnalyticsCollection.Name)]
public sealed class StatsTotalsTests(AnalyticsStack stack)
{
    [Fact]
    public async Task New_products_a_new_customer_and_a_confirmed_and_a_rejected_order_are_counted()
    {
        var admin = await stack.AdminAsync();
        var before = await admin.StatsAsync();
        var ordersBefore = before.OrdersByStatus;
        Assert.NotNull(ordersBefore);

        var mug = await admin.CreateProductAsync("Analytics mug", 12.34m, stock: 5);
        var pen = await admin.CreateProductAsync("Analytics pen", 5.00m, stock: 1);
        var customer = stack.Api(await stack.TokenAsync(AnalyticsStack.NewEmail("buyer")));
        var confirmed = await customer.PlaceOrderAsync((mug, 2), (pen, 1));
        var rejected = await customer.PlaceOrderAsync((pen, 2));
        Assert.Equal("confirmed", await customer.SettledStatusAsync(confirmed.Id));
        Assert.Equal("rejected", await customer.SettledStatusAsync(rejected.Id));

        // Mails are sent asynchronously: the customer's code, welcome and two order mails.
        var after = await Eventually.GetAsync(
            admin.StatsAsync,
            stats => stats.OrdersByStatus?.Rejected == ordersBefore.Rejected + 1 && stats.MailsSent >= before.MailsSent + 4,
            TimeSpan.FromSeconds(30),
            "the totals after the orders");

        Assert.Equal((2 * 12.34m) + 5.00m, confirmed.Total);
        Assert.Equal(before.Users + 1, after.Users);
        Assert.Equal(before.VerifiedUsers + 1, after.VerifiedUsers);
        Assert.Equal(before.Products + 2, after.Products);
        Assert.Equal(ordersBefore with { Confirmed = ordersBefore.Confirmed + 1, Rejected = ordersBefore.Rejected + 1 }, after.OrdersByStatus);
        Assert.Equal(before.Revenue + confirmed.Total, after.Revenue);
        Assert.True(after.GeneratedAt > before.GeneratedAt);
    }
}
