using Microsoft.Extensions.Options;
using Shop.Messaging;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.IntegrationEvents.Events;
using Shop.Notifications.Templates;
using Shop.ServiceDefaults.Secrets;

namespace Shop.Notifications.IntegrationEvents;

/// <summary>
/// Turns the events of contract.md section 5 into rows of `mails`, in the transaction that records the event id.
/// Data that cannot make a mail (unknown template, bad address, missing field) is dead-lettered at once.
/// </summary>
internal sealed class NotificationEventsHandler(IOptions<NotificationOptions> options, SignInCodeCipher codes) : IIntegrationEventHandler
{
    public async Task HandleAsync(CloudEvent @event, EventContext context, CancellationToken cancellationToken)
    {
        try
        {
            await HandleMailEventAsync(@event, context.Transaction, cancellationToken);
        }
        catch (InvalidMailDataException exception)
        {
            throw new MalformedEventException($"{@event.Type} {@event.Id} cannot make a mail: {exception.Message}", exception);
        }
    }

    private Task HandleMailEventAsync(CloudEvent @event, Npgsql.NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        switch (@event.Type)
        {
            case "shop.auth.login_code_requested":
                var login = @event.GetData<LoginCodeRequested>();
                var code = codes.Decrypt(login.EncryptedCode, login.Email)
                    ?? throw new InvalidMailDataException("encryptedCode was not sealed for this recipient with this service's key.");
                return MailRequests.EnqueueAsync(
                    transaction,
                    Mail(@event, MailTemplates.LoginCode, login.Email, MailTemplates.LoginCode.Render(new LoginCode(code, login.ExpiresAt))) with { ExpiresAt = login.ExpiresAt },
                    cancellationToken);

            case "shop.auth.user_registered":
                var user = @event.GetData<UserRegistered>();
                return MailRequests.EnqueueAsync(transaction, Mail(@event, MailTemplates.Welcome, user.Email, MailTemplates.Welcome.Render(user)), cancellationToken);

            case "shop.orders.order_confirmed" or "shop.orders.order_rejected" or "shop.orders.order_cancelled"
                or "shop.orders.order_shipped" or "shop.orders.order_delivered":
                var order = @event.GetData<OrderStatusChanged>();
                MailData.Require(@event.EventName == $"order_{order.Status}", $"status '{order.Status}' does not match the event.");
                return MailRequests.EnqueueAsync(transaction, Mail(@event, MailTemplates.OrderStatus, order.Email, MailTemplates.OrderStatus.Render(order)), cancellationToken);

            case "shop.orders.cart_updated":
                return HandleCartAsync(@event, transaction, cancellationToken);

            case "shop.orders.order_placed":
                var placed = @event.GetData<OrderPlaced>();
                return MailRequests.CancelAsync(transaction, CartReminderKey(placed.UserId), @event.Time, @event.Id, cancellationToken);

            case "shop.notifications.schedule_requested":
                return HandleScheduleAsync(@event, transaction, cancellationToken);

            default:
                return Task.CompletedTask;
        }
    }

    /// <summary>A cart with items re-arms its one reminder (due a delay after this change); an empty cart cancels it.</summary>
    private Task HandleCartAsync(CloudEvent @event, Npgsql.NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var cart = @event.GetData<CartUpdated>();
        var key = CartReminderKey(cart.UserId);
        return cart.ItemCount > 0
            ? MailRequests.ReplaceAsync(
                transaction,
                key,
                cart.UpdatedAt,
                Mail(@event, MailTemplates.CartReminder, cart.Email, MailTemplates.CartReminder.Render(cart)) with { DueAt = cart.UpdatedAt + options.Value.CartReminderDelay },
                cancellationToken)
            : MailRequests.CancelAsync(transaction, key, cart.UpdatedAt, @event.Id, cancellationToken);
    }

    private static Task HandleScheduleAsync(CloudEvent @event, Npgsql.NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var request = @event.GetData<ScheduleRequested>();
        var template = MailTemplates.Find(request.Template);
        var mail = Mail(@event, template, request.To, template.Render(request.Data)) with { DueAt = request.SendAt };
        return request.Key is null
            ? MailRequests.EnqueueAsync(transaction, mail, cancellationToken)
            : MailRequests.ReplaceAsync(transaction, "schedule:" + MailData.Text(request.Key, "key", 200), @event.Time, mail, cancellationToken);
    }

    private static NewMail Mail(CloudEvent @event, IMailTemplate template, string recipient, MailContent content) =>
        new(@event, template.Name, MailData.Address(recipient, "recipient"), content);

    private static string CartReminderKey(Guid userId) => $"cart:{userId}";
}
