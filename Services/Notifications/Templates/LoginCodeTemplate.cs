using System.Globalization;

namespace Shop.Notifications.Templates;

/// <summary>The sign-in code: in the subject, so it shows in a notification, and large in the body.</summary>
internal sealed class LoginCodeTemplate : MailTemplate<LoginCode>
{
    public override string Name => "login_code";

    public override MailContent Render(LoginCode data)
    {
        MailData.Require(data.Code is { Length: 6 } && data.Code.All(char.IsAsciiDigit), "code must be 6 digits.");
        var expires = data.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return new MailComposer()
            .Paragraph("Use this code to sign in to Shop:")
            .Highlight(data.Code)
            .Paragraph($"It can be used once, until {expires}. If you did not ask to sign in, you can ignore this mail.")
            .Build($"{data.Code} is your Shop sign-in code");
    }
}
