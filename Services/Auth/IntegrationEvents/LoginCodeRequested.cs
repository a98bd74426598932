namespace Shop.Auth.IntegrationEvents;

/// <summary>
/// `msg.auth.login_code_requested`: notifications mails the code (auth never talks SMTP). The code travels sealed
/// for notifications alone (<see cref="Shop.ServiceDefaults.Secrets.SignInCodeCipher"/>), never in clear on the bus.
/// </summary>
internal sealed record LoginCodeRequested(Guid UserId, string Email, string EncryptedCode, DateTimeOffset ExpiresAt)
{
    public const string EventName = "login_code_requested";
}
