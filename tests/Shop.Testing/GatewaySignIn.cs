using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Shop.Testing;

/// <summary>The token pair `/auth/verify` answers.</summary>
public sealed record SignInTokens(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

/// <summary>
/// Signs in through the public API the way a person does: asks for a code, reads it from the mail the
/// notifications service sent to the mail sink, and verifies it.
/// </summary>
public static partial class GatewaySignIn
{
    public static async Task<SignInTokens> SignInAsync(HttpClient gateway, MailSinkClient mail, string email, CancellationToken cancellationToken = default)
    {
        var code = await CodeMailedAfterAsync(mail, email, async () =>
        {
            using var login = await gateway.PostAsJsonAsync("/auth/login", new { email }, cancellationToken);
            await ExpectAsync(login, HttpStatusCode.Accepted, "/auth/login");
        }, cancellationToken);
        using var verify = await gateway.PostAsJsonAsync("/auth/verify", new { email, code }, cancellationToken);
        await ExpectAsync(verify, HttpStatusCode.OK, "/auth/verify");
        return await verify.Content.ReadFromJsonAsync<SignInTokens>(cancellationToken)
            ?? throw new InvalidOperationException("/auth/verify answered an empty body.");
    }

    /// <summary>Runs <paramref name="askForCode"/> (an API call, a click on a page) and returns the code mailed because of it.</summary>
    public static async Task<string> CodeMailedAfterAsync(MailSinkClient mail, string email, Func<Task> askForCode, CancellationToken cancellationToken = default)
    {
        // Codes mailed earlier to the same address must not be mistaken for the new one.
        var earlier = (await mail.ListAsync(cancellationToken)).Count(received => IsTo(received, email) && CodeOf(received) is not null);
        await askForCode();
        var mails = await mail.WaitForAsync(email, received => CodeOf(received) is not null, earlier + 1, TimeSpan.FromSeconds(60));
        return CodeOf(mails[^1])!;
    }

    /// <summary>The 6-digit code of a sign-in mail (its subject starts with it), or null for any other mail.</summary>
    public static string? CodeOf(ReceivedMail mail) => CodeSubject().Match(mail.Subject) is { Success: true } match ? match.Groups[1].Value : null;

    private static bool IsTo(ReceivedMail mail, string address) =>
        mail.To.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase));

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string route)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{route} answered {(int)response.StatusCode}, not {(int)expected}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [GeneratedRegex(@"^(\d{6}) is your Shop sign-in code$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeSubject();
}
