namespace Shop.Auth.Tests.Support;

/// <summary>
/// Where a test reads the sign-in code auth sent to an address. Today that is the `login_code_requested` event
/// on NATS (<see cref="AuthEvents"/>); once the notifications service mails codes, an implementation over
/// <see cref="Shop.Testing.MailSinkClient"/> takes its place in <see cref="AuthStackFixture"/> and no test changes.
/// </summary>
public interface ISignInCodeSource
{
    /// <summary>The next code sent to <paramref name="email"/> that no earlier call returned, waiting for it to arrive.</summary>
    Task<string> NextCodeAsync(string email);
}
