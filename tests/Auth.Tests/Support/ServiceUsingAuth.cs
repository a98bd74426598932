using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Auth.Tests.Support;

/// <summary>
/// A minimal service set up as every Shop service is (ServiceDefaults' AddDefaultAuthentication, discovery at
/// `services__auth__http__0`), to show that auth's discovery document and JWKS serve real JwtBearer validation.
/// </summary>
public sealed class ServiceUsingAuth : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient client;

    private ServiceUsingAuth(WebApplication app)
    {
        this.app = app;
        client = app.GetTestClient();
    }

    public static async Task<ServiceUsingAuth> StartAsync(string authUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["services:auth:http:0"] = authUrl;
        builder.AddDefaultAuthentication();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (ClaimsPrincipal user) => user.FindFirstValue(ShopTokens.EmailClaim)).RequireAuthorization();
        app.MapGet("/admin-only", () => "ok").RequireAuthorization(ShopTokens.AdminPolicy);
        await app.StartAsync();
        return new ServiceUsingAuth(app);
    }

    /// <summary>The status of GET <paramref name="path"/> with <paramref name="accessToken"/>, and the body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }
}
