using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Shop.Testing;

/// <summary>Reads what maildev received (`GET /email`): the "e-mail sent" half of a real end-to-end test.</summary>
public sealed class MailSinkClient(Uri webUrl) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = webUrl, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyList<ReceivedMail>> ListAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<ReceivedMail>>("/email", cancellationToken) ?? [];

    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync(new Uri("/email/all", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Mails to <paramref name="address"/>, waiting until at least <paramref name="count"/> have arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string address, Func<ReceivedMail, bool>? match = null, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var mails = (await ListAsync())
                .Where(mail => mail.To.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))
                .Where(mail => match?.Invoke(mail) ?? true)
                .OrderBy(mail => mail.Time)
                .ToList();
            if (mails.Count >= count)
            {
                return mails;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} mail(s) to {address}, found {mails.Count}.");
            }

            await Task.Delay(100);
        }
    }

    public void Dispose() => http.Dispose();
}

public sealed record ReceivedMail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("to")] IReadOnlyList<MailAddress> To,
    [property: JsonPropertyName("time")] DateTimeOffset Time);

public sealed record MailAddress(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("name")] string? Name);
