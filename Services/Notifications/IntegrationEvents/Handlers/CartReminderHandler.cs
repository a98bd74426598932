using Microsoft.Extensions.Options;
using Shop.Messaging;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.IntegrationEvents.Events;
using Shop.Notifications.Templates;

namespace Shop.Notifications.IntegrationEvents.Handlers;

/// <summary>
/// One reminder per cart: a cart with items re-arms it (due a delay after this change); an emptied cart or a placed
/// order cancels it.
/// </summary>
internal sealed class CartReminderHandler(IOptions<NotificationOptions> options) : IIntegrationEventHandler<CartUpdated>, IIntegrationEventHandler<OrderPlaced>
{
    public Task HandleAsync(CartUpdated @event, EventContext context, CancellationToken cancellationToken) =>
        MailEvent.HandleAsync(context, () => @event.ItemCount > 0
            ? MailRequests.ReplaceAsync(
                context.Transaction,
                ReminderKey(@event.UserId),
                @event.UpdatedAt,
                MailEvent.Mail(context, MailTemplates.CartReminder, @event.Email, MailTemplates.CartReminder.Render(@event)) with { DueAt = @event.UpdatedAt + options.Value.CartReminderDelay },
                cancellationToken)
            : MailRequests.CancelAsync(context.Transaction, ReminderKey(@event.UserId), @event.UpdatedAt, context.Envelope.Id, cancellationToken));

    public Task HandleAsync(OrderPlaced @event, EventContext context, CancellationToken cancellationToken) =>
        MailRequests.CancelAsync(context.Transaction, ReminderKey(@event.UserId), context.Envelope.Time, context.Envelope.Id, cancellationToken);

    private static string ReminderKey(Guid userId) => $"cart:{userId}";
}
