namespace Shop.Auth.IntegrationEvents;

/// <summary>`msg.auth.login_code_requested`: notifications mails the code (auth never talks SMTP).</summary>
internal sealed record LoginCodeRequested(Guid UserId, string Email, string Code, DateTimeOffset ExpiresAt)
{
    public const string EventName = "login_code_requested";
}
