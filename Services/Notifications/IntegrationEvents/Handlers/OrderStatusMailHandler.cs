using Shop.Messaging;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.IntegrationEvents.Events;
using Shop.Notifications.Templates;

namespace Shop.Notifications.IntegrationEvents.Handlers;

/// <summary>Tells the customer their order moved to a new status (one registration per `order_*` status event).</summary>
internal sealed class OrderStatusMailHandler<TEvent> : IIntegrationEventHandler<TEvent>
    where TEvent : OrderStatusChanged, IIntegrationEvent
{
    public Task HandleAsync(TEvent @event, EventContext context, CancellationToken cancellationToken) =>
        MailEvent.HandleAsync(context, () =>
        {
            MailData.Require(TEvent.EventName == $"order_{@event.Status}", $"status '{@event.Status}' does not match the event.");
            return MailRequests.EnqueueAsync(
                context.Transaction,
                MailEvent.Mail(context, MailTemplates.OrderStatus, @event.Email, MailTemplates.OrderStatus.Render(@event)),
                cancellationToken);
        });
}
