using Shop.Messaging;

namespace Shop.Auth.IntegrationEvents.Events;

/// <summary>`msg.auth.login_code_requested`: notifications mails the code (auth never talks SMTP).</summary>
internal sealed record LoginCodeRequested(Guid UserId, string Email, string Code, DateTimeOffset ExpiresAt) : IIntegrationEvent
{
    public static string EventSource => "auth";

    public static string EventName => "login_code_requested";
}
