using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Shop.Auth.Tests.Support;

/// <summary>The token pair `/auth/verify` and `/auth/refresh` answer.</summary>
public sealed record IssuedTokens(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

/// <summary>
/// Calls one auth instance as the gateway would: with an `X-Forwarded-For` naming the client. Each client has its
/// own made-up address, so tests do not share the per-client sign-in limit unless they mean to.
/// </summary>
public sealed class AuthClient(HttpClient http, ISignInCodeSource codes, string? clientAddress = null)
{
    public string ClientAddress { get; } = clientAddress ?? $"10.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(1, 255)}";

    public Uri BaseAddress => http.BaseAddress!;

    public static string NewEmail(string name) => $"{name}-{Guid.NewGuid():N}@shop.test";

    public Task<HttpResponseMessage> LoginAsync(string email) => PostAsync("/auth/login", new { email });

    public Task<HttpResponseMessage> VerifyAsync(string email, string code) => PostAsync("/auth/verify", new { email, code });

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) => PostAsync("/auth/refresh", new { refreshToken });

    public Task<HttpResponseMessage> LogoutAsync(string refreshToken) => PostAsync("/auth/logout", new { refreshToken });

    /// <summary>Asks for a code (202) and reads it where it was sent.</summary>
    public async Task<string> RequestCodeAsync(string email)
    {
        using (var login = await LoginAsync(email))
        {
            Assert.Equal(HttpStatusCode.Accepted, login.StatusCode);
        }

        return await codes.NextCodeAsync(email);
    }

    /// <summary>The whole sign-in: ask for a code, read it where it was sent, verify it.</summary>
    public async Task<IssuedTokens> SignInAsync(string email)
    {
        var code = await RequestCodeAsync(email);
        using var verify = await VerifyAsync(email, code);
        return await ReadTokensAsync(verify);
    }

    public static async Task<IssuedTokens> ReadTokensAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<IssuedTokens>())!;
    }

    public async Task<JsonElement> GetMeAsync(string accessToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "/auth/me", accessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? accessToken = null) =>
        SendAsync(HttpMethod.Post, path, accessToken, JsonContent.Create(body));

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? accessToken = null, HttpContent? content = null, IEnumerable<(string Name, string Value)>? headers = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Forwarded-For", ClientAddress);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return http.SendAsync(request);
    }
}
