using Shop.Messaging;

namespace Shop.Notifications.IntegrationEvents.Events;

/// <summary>`msg.auth.user_registered`.</summary>
public sealed record UserRegistered(string Email) : IIntegrationEvent
{
    public static string EventSource => "auth";

    public static string EventName => "user_registered";
}
