using System.Globalization;
using Shop.Notifications.IntegrationEvents.Events;

namespace Shop.Notifications.Templates;

/// <summary>One template for every order status mail: the order's id, status and total (and why, when rejected).</summary>
internal sealed class OrderStatusTemplate : MailTemplate<OrderStatusChanged>
{
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "pending", "confirmed", "rejected", "cancelled", "shipped", "delivered",
    };

    private const int MaxLines = 100;

    public override string Name => "order_status";

    public override MailContent Render(OrderStatusChanged data)
    {
        MailData.Require(data.OrderId != Guid.Empty, "orderId is missing.");
        MailData.Require(Statuses.Contains(data.Status), $"status must be one of {string.Join(", ", Statuses)}.");
        MailData.Require(data.Total >= 0, "total must not be negative.");
        MailData.Require(data.Items is null || data.Items.Count <= MaxLines, $"at most {MaxLines} items.");

        var composer = new MailComposer()
            .Paragraph($"Your order is {data.Status}.")
            .Field("Order", data.OrderId.ToString())
            .Field("Status", data.Status)
            .Field("Total", Money(data.Total));
        if (data.Reason is not null)
        {
            composer.Field("Reason", MailData.Text(data.Reason, "reason", 500));
        }

        if (data.Items is { Count: > 0 } items)
        {
            composer.List(items.Select(item =>
                $"{item.Quantity} x {MailData.Text(item.Name, "items.name", 200)}: {Money(item.LineTotal)}"));
        }

        return composer.Build($"Your order {data.OrderId} is {data.Status}");
    }

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
