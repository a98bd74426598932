using Shop.Messaging;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.IntegrationEvents.Events;
using Shop.Notifications.Templates;

namespace Shop.Notifications.IntegrationEvents.Handlers;

/// <summary>Welcomes a user at their first successful sign-in.</summary>
internal sealed class WelcomeMailHandler : IIntegrationEventHandler<UserRegistered>
{
    public Task HandleAsync(UserRegistered @event, EventContext context, CancellationToken cancellationToken) =>
        MailEvent.HandleAsync(context, () => MailRequests.EnqueueAsync(
            context.Transaction,
            MailEvent.Mail(context, MailTemplates.Welcome, @event.Email, MailTemplates.Welcome.Render(@event)),
            cancellationToken));
}
