using Shop.Messaging;

namespace Shop.Notifications.IntegrationEvents.Events;

/// <summary>`msg.auth.login_code_requested` (the fields the mail needs; `userId` is not one of them). The code is sealed for this service.</summary>
public sealed record LoginCodeRequested(string Email, string EncryptedCode, DateTimeOffset ExpiresAt) : IIntegrationEvent
{
    public static string EventSource => "auth";

    public static string EventName => "login_code_requested";
}
