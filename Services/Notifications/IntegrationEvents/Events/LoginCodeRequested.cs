using Shop.Messaging;

namespace Shop.Notifications.IntegrationEvents.Events;

/// <summary>`msg.auth.login_code_requested` (the fields the mail needs; `userId` is not one of them).</summary>
public sealed record LoginCodeRequested(string Email, string Code, DateTimeOffset ExpiresAt) : IIntegrationEvent
{
    public static string EventSource => "auth";

    public static string EventName => "login_code_requested";
}
