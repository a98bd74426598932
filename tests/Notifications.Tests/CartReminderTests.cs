using Dapper;
using Shop.Testing;

namespace Shop.Notifications.Tests;

/// <summary>
/// The cart reminder: one mail when a cart with items stays unchanged for Notifications__CartReminderDelay
/// (3 s here); each change re-arms it; checkout or an emptied cart cancels it, even when events arrive out of order.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class CartReminderTests(NotificationsFixture fixture)
{
    private static readonly TimeSpan Delay = TimeSpan.Parse(NotificationsFixture.CartReminderDelay, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_cart_left_with_items_gets_one_reminder_after_the_delay_since_its_last_change()
    {
        var cart = new Cart(NotificationsFixture.NewAddress("cart"));
        var firstChange = DateTimeOffset.UtcNow;
        await PublishCartAsync(cart, itemCount: 1, total: 5m, firstChange);
        var lastChange = firstChange.AddSeconds(2);
        await PublishCartAsync(cart, itemCount: 3, total: 30.5m, lastChange);

        var mail = Assert.Single(await fixture.Mail.WaitForAsync(cart.Email, timeout: TimeSpan.FromSeconds(30)));
        Assert.Contains("3 items", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("30.50", mail.Text, StringComparison.Ordinal);
        Assert.Contains("30.50", mail.Html, StringComparison.Ordinal);

        // Re-armed by the second change: due the whole delay after it, and only one reminder for both changes.
        await using var database = fixture.OpenDatabase();
        var sent = await database.QueryAsync<DateTime>("SELECT sent_at FROM mails WHERE recipient = @email AND status = 'sent'", new { email = cart.Email });
        Assert.True(new DateTimeOffset(Assert.Single(sent)) >= lastChange + Delay);
        Assert.Equal(0, await database.ExecuteScalarAsync<int>("SELECT count(*) FROM mails WHERE recipient = @email AND status <> 'sent'", new { email = cart.Email }));
    }

    [Fact]
    public async Task Checkout_an_emptied_cart_and_a_late_older_change_send_no_reminder()
    {
        var now = DateTimeOffset.UtcNow;
        var checkedOut = new Cart(NotificationsFixture.NewAddress("checkout"));
        await PublishCartAsync(checkedOut, itemCount: 2, total: 20m, now);
        await fixture.Events.PublishAsync("orders", "order_placed", new { orderId = Guid.NewGuid(), userId = checkedOut.UserId, email = checkedOut.Email, status = "pending", items = Array.Empty<object>(), total = 20m }, now.AddSeconds(1));

        var emptied = new Cart(NotificationsFixture.NewAddress("emptied"));
        await PublishCartAsync(emptied, itemCount: 2, total: 20m, now);
        await PublishCartAsync(emptied, itemCount: 0, total: 0m, now.AddSeconds(1));

        // The emptying is handled first, the older change with items after it: it must not re-arm the reminder.
        var reordered = new Cart(NotificationsFixture.NewAddress("reordered"));
        await PublishCartAsync(reordered, itemCount: 0, total: 0m, now.AddSeconds(1));
        await PublishCartAsync(reordered, itemCount: 2, total: 20m, now);

        // A cart armed after all of them: once its reminder is out, any reminder of the others would be too.
        var control = new Cart(NotificationsFixture.NewAddress("control"));
        await PublishCartAsync(control, itemCount: 1, total: 1m, now.AddSeconds(2));
        Assert.Single(await fixture.Mail.WaitForAsync(control.Email, timeout: TimeSpan.FromSeconds(30)));

        foreach (var cart in new[] { checkedOut, emptied, reordered })
        {
            Assert.Empty(await fixture.MailsAsync(mail => mail.IsTo(cart.Email)));
        }

        // Armed then cancelled, or (when two replicas handled the pair in the other order) never armed at all.
        await using var database = fixture.OpenDatabase();
        Assert.Empty(await database.QueryAsync<string>(
            "SELECT status FROM mails WHERE recipient IN (@a, @b, @c) AND status <> 'cancelled'",
            new { a = checkedOut.Email, b = emptied.Email, c = reordered.Email }));
    }

    private Task PublishCartAsync(Cart cart, int itemCount, decimal total, DateTimeOffset updatedAt) =>
        fixture.Events.PublishAsync("orders", "cart_updated", new { userId = cart.UserId, email = cart.Email, itemCount, total, updatedAt }, updatedAt);

    private sealed record Cart(string Email)
    {
        public Guid UserId { get; } = Guid.NewGuid();
    }
}
