using Shop.Messaging;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.IntegrationEvents.Events;
using Shop.Notifications.Templates;

namespace Shop.Notifications.IntegrationEvents.Handlers;

/// <summary>Mails the sign-in code; a code mail not sent before the code expires is not sent at all.</summary>
internal sealed class LoginCodeMailHandler : IIntegrationEventHandler<LoginCodeRequested>
{
    public Task HandleAsync(LoginCodeRequested @event, EventContext context, CancellationToken cancellationToken) =>
        MailEvent.HandleAsync(context, () => MailRequests.EnqueueAsync(
            context.Transaction,
            MailEvent.Mail(context, MailTemplates.LoginCode, @event.Email, MailTemplates.LoginCode.Render(@event)) with { ExpiresAt = @event.ExpiresAt },
            cancellationToken));
}
