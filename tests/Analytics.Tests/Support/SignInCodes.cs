using System.Text.RegularExpressions;
using Shop.Testing;

namespace Shop.Analytics.Tests.Support;

/// <summary>Sign-in codes where a user finds them: in the mail notifications sent to maildev.</summary>
public sealed partial class SignInCodes(MailSinkClient mail)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="askForCode"/> (an API call or a click on the page) and returns the code mailed because of it.</summary>
    public async Task<string> AfterAsync(string email, Func<Task> askForCode)
    {
        var before = (await mail.ListAsync()).Count(received => IsCodeMail(received) && received.To.Any(to => string.Equals(to.Address, email, StringComparison.OrdinalIgnoreCase)));
        await askForCode();
        var mails = await mail.WaitForAsync(email, IsCodeMail, before + 1, Timeout);
        return CodeSubject().Match(mails[^1].Subject).Groups["code"].Value;
    }

    private static bool IsCodeMail(ReceivedMail received) => CodeSubject().IsMatch(received.Subject);

    [GeneratedRegex(@"^(?<code>[0-9]{6}) is your Shop sign-in code")]
    private static partial Regex CodeSubject();
}
