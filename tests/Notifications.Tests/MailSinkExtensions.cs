using System.Net.Http.Json;
using System.Text.Json;
using Shop.Testing;

namespace Shop.Notifications.Tests;

internal static class MailSinkExtensions
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>One header of a received mail, from maildev's full view of it (`GET /email/{id}`).</summary>
    public static async Task<string?> HeaderAsync(this NotificationsFixture fixture, ReceivedMail mail, string name)
    {
        var full = await Http.GetFromJsonAsync<JsonElement>(new Uri($"{fixture.Stack.Mail.WebUrl}/email/{mail.Id}"));
        return full.GetProperty("headers").TryGetProperty(name, out var value) ? value.GetString() : null;
    }

    public static bool IsTo(this ReceivedMail mail, string address) =>
        mail.To.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase));
}
