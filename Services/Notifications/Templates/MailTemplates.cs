namespace Shop.Notifications.Templates;

/// <summary>Every kind of mail the service sends, by the name `schedule_requested` uses.</summary>
internal static class MailTemplates
{
    public static readonly LoginCodeTemplate LoginCode = new();
    public static readonly WelcomeTemplate Welcome = new();
    public static readonly OrderStatusTemplate OrderStatus = new();
    public static readonly CartReminderTemplate CartReminder = new();
    public static readonly MessageTemplate Message = new();

    private static readonly Dictionary<string, IMailTemplate> ByName =
        new IMailTemplate[] { LoginCode, Welcome, OrderStatus, CartReminder, Message }.ToDictionary(template => template.Name, StringComparer.Ordinal);

    public static IMailTemplate Find(string name) =>
        ByName.TryGetValue(name, out var template)
            ? template
            : throw new InvalidMailDataException($"Unknown template '{name}' (known: {string.Join(", ", ByName.Keys)}).");
}
