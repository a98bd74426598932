using Shop.Testing;

namespace Shop.SystemTests.Support;

/// <summary>The mails the contract promises, by subject, as the notifications service words them.</summary>
public static class Mails
{
    public static string OrderStatus(Guid order, string status) => $"Your order {order} is {status}";

    public static bool IsCartReminder(ReceivedMail mail) => mail.Subject.StartsWith("You left ", StringComparison.Ordinal) && mail.Subject.EndsWith(" in your Shop cart", StringComparison.Ordinal);

    /// <summary>Waits for the mail with <paramref name="subject"/> to <paramref name="address"/>, then checks it came once.</summary>
    public static async Task<ReceivedMail> SingleAsync(this MailSinkClient mail, string address, string subject, TimeSpan? timeout = null)
    {
        var found = await mail.WaitForAsync(address, received => received.Subject == subject, 1, timeout ?? TimeSpan.FromSeconds(90));
        Assert.True(found.Count == 1, $"{found.Count} mails \"{subject}\" to {address}");
        return found[0];
    }
}
