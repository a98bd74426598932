using Shop.Messaging;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.IntegrationEvents.Events;
using Shop.Notifications.Templates;
using Shop.ServiceDefaults.Secrets;

namespace Shop.Notifications.IntegrationEvents.Handlers;

/// <summary>Mails the sign-in code; a code mail not sent before the code expires is not sent at all.</summary>
internal sealed class LoginCodeMailHandler(SignInCodeCipher codes) : IIntegrationEventHandler<LoginCodeRequested>
{
    public Task HandleAsync(LoginCodeRequested @event, EventContext context, CancellationToken cancellationToken) =>
        MailEvent.HandleAsync(context, () =>
        {
            var code = codes.Decrypt(@event.EncryptedCode, @event.Email)
                ?? throw new InvalidMailDataException("encryptedCode was not sealed for this recipient with this service's key.");
            return MailRequests.EnqueueAsync(
                context.Transaction,
                MailEvent.Mail(context, MailTemplates.LoginCode, @event.Email, MailTemplates.LoginCode.Render(new LoginCode(code, @event.ExpiresAt))) with { ExpiresAt = @event.ExpiresAt },
                cancellationToken);
        });
}
