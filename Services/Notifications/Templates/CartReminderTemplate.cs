using Shop.Notifications.IntegrationEvents.Events;

namespace Shop.Notifications.Templates;

internal sealed class CartReminderTemplate : MailTemplate<CartUpdated>
{
    public override string Name => "cart_reminder";

    public override MailContent Render(CartUpdated data)
    {
        MailData.Require(data.ItemCount > 0, "itemCount must be positive for a reminder.");
        MailData.Require(data.Total >= 0, "total must not be negative.");
        var items = data.ItemCount == 1 ? "1 item" : $"{data.ItemCount} items";
        return new MailComposer()
            .Paragraph($"You left {items} in your cart. They are waiting for you.")
            .Field("Cart total", OrderStatusTemplate.Money(data.Total))
            .Build($"You left {items} in your Shop cart");
    }
}
