namespace Shop.Auth.IntegrationEvents;

/// <summary>`msg.auth.user_registered`: the user's first successful verification.</summary>
internal sealed record UserRegistered(Guid UserId, string Email)
{
    public const string EventName = "user_registered";
}
