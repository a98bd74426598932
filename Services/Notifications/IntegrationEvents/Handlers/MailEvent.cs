using Shop.Messaging;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.Templates;

namespace Shop.Notifications.IntegrationEvents.Handlers;

/// <summary>
/// What the mail handlers share: data that cannot make a mail (unknown template, bad address, missing field) is
/// dead-lettered at once, as retrying it cannot help.
/// </summary>
internal static class MailEvent
{
    public static async Task HandleAsync(EventContext context, Func<Task> makeMail)
    {
        try
        {
            await makeMail();
        }
        catch (InvalidMailDataException exception)
        {
            throw new MalformedEventException($"{context.Envelope.Type} {context.Envelope.Id} cannot make a mail: {exception.Message}", exception);
        }
    }

    /// <summary>The mail <paramref name="context"/>'s event asks for (its envelope is kept with the mail).</summary>
    public static NewMail Mail(EventContext context, IMailTemplate template, string recipient, MailContent content) =>
        new(context.Envelope, template.Name, MailData.Address(recipient, "recipient"), content);
}
