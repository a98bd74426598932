using Shop.Messaging;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.IntegrationEvents.Events;
using Shop.Notifications.Templates;

namespace Shop.Notifications.IntegrationEvents.Handlers;

/// <summary>A mail another part of the system asked for; one with a key replaces the pending mail of that key.</summary>
internal sealed class ScheduledMailHandler : IIntegrationEventHandler<ScheduleRequested>
{
    public Task HandleAsync(ScheduleRequested @event, EventContext context, CancellationToken cancellationToken) =>
        MailEvent.HandleAsync(context, () =>
        {
            var template = MailTemplates.Find(@event.Template);
            var mail = MailEvent.Mail(context, template, @event.To, template.Render(@event.Data)) with { DueAt = @event.SendAt };
            return @event.Key is null
                ? MailRequests.EnqueueAsync(context.Transaction, mail, cancellationToken)
                : MailRequests.ReplaceAsync(context.Transaction, "schedule:" + MailData.Text(@event.Key, "key", 200), context.Envelope.Time, mail, cancellationToken);
        });
}
