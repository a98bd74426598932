using Shop.Messaging;

namespace Shop.Auth.IntegrationEvents.Events;

/// <summary>`msg.auth.user_registered`: the user's first successful verification.</summary>
internal sealed record UserRegistered(Guid UserId, string Email) : IIntegrationEvent
{
    public static string EventSource => "auth";

    public static string EventName => "user_registered";
}
