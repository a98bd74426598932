using Shop.Notifications.IntegrationEvents.Events;

namespace Shop.Notifications.Templates;

internal sealed class WelcomeTemplate : MailTemplate<UserRegistered>
{
    public override string Name => "welcome";

    public override MailContent Render(UserRegistered data) => new MailComposer()
        .Paragraph("Welcome to Shop!")
        .Paragraph($"Your account {MailData.Address(data.Email, "email")} is ready. Sign in any time with a code sent to this address.")
        .Build("Welcome to Shop");
}
