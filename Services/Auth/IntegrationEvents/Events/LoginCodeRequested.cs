using Shop.Messaging;

namespace Shop.Auth.IntegrationEvents.Events;

/// <summary>
/// `msg.auth.login_code_requested`: notifications mails the code (auth never talks SMTP). The code travels sealed
/// for notifications alone (<see cref="Shop.ServiceDefaults.Secrets.SignInCodeCipher"/>), never in clear on the bus.
/// </summary>
internal sealed record LoginCodeRequested(Guid UserId, string Email, string EncryptedCode, DateTimeOffset ExpiresAt) : IIntegrationEvent
{
    public static string EventSource => "auth";

    public static string EventName => "login_code_requested";
}
