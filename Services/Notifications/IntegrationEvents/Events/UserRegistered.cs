namespace Shop.Notifications.IntegrationEvents.Events;

/// <summary>`msg.auth.user_registered`.</summary>
public sealed record UserRegistered(string Email);
