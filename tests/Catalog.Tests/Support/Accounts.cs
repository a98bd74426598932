using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Catalog.Tests.Support;

/// <summary>
/// Access tokens the way a real client gets them: `POST /auth/login`, the code read from the
/// `login_code_requested` event (what notifications mails), then `POST /auth/verify`. One sign-in per address
/// per stack, so the tests stay far below the sign-in rate limits.
/// </summary>
public sealed class Accounts(CatalogStack stack)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> tokens = new(StringComparer.OrdinalIgnoreCase);

    public Task<string> AdminTokenAsync() => TokenAsync(CatalogStack.AdminEmail);

    public Task<string> TokenAsync(string email) =>
        tokens.GetOrAdd(email, address => new Lazy<Task<string>>(() => SignInAsync(address))).Value;

    /// <summary>A client of the public API signed in as <paramref name="email"/>.</summary>
    public async Task<HttpClient> ClientAsync(string email) => stack.CreateApiClient(await TokenAsync(email));

    private async Task<string> SignInAsync(string email)
    {
        using var api = stack.CreateApiClient();
        using (var login = await api.PostAsJsonAsync("/auth/login", new { email }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, login.StatusCode);
        }

        var requested = await stack.Events.WaitForAsync(
            "login_code_requested",
            data => string.Equals(data.GetProperty("email").GetString(), email, StringComparison.OrdinalIgnoreCase));
        // The code is sealed for notifications; the local stack uses this machine's development key.
        var data = requested[^1].Data;
        var code = Shop.ServiceDefaults.Secrets.SignInCodeCipher.Development().Decrypt(data.GetProperty("encryptedCode").GetString()!, data.GetProperty("email").GetString()!);
        using var verify = await api.PostAsJsonAsync("/auth/verify", new { email, code });
        verify.EnsureSuccessStatusCode();
        var body = await verify.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }
}
