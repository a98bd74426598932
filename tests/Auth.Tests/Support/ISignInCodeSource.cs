namespace Shop.Auth.Tests.Support;

/// <summary>
/// Where a test reads the sign-in code auth sent to an address: the `login_code_requested` event on NATS
/// (<see cref="AuthEvents"/>), so auth's tests need no notifications service. Tests of the whole system read the
/// mailed code instead (Shop.Testing's <c>GatewaySignIn</c>).
/// </summary>
public interface ISignInCodeSource
{
    /// <summary>The next code sent to <paramref name="email"/> that no earlier call returned, waiting for it to arrive.</summary>
    Task<string> NextCodeAsync(string email);
}
