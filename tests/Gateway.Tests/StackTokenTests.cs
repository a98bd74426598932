using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Shop.Access;
using Shop.DevStack;
using Shop.Gateway.Tests.Infrastructure;
using Shop.Testing;

namespace Shop.Gateway.Tests;

/// <summary>Real tokens from the real auth service, through the gateway only.</summary>
[Collection(GatewayStackCollection.Name)]
public sealed class StackTokenTests(GatewayStack stack) : IAsyncLifetime
{
    private string customer = null!;
    private string admin = null!;

    public async Task InitializeAsync()
    {
        customer = await stack.SignInAsync(GatewayStack.NewEmail("customer"));
        admin = await stack.SignInAsync(GatewayStack.AdminEmail);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_row_of_the_table_with_no_token_a_customer_and_an_admin()
    {
        var failures = new List<string>();
        foreach (var rule in AccessTable.Rules)
        {
            foreach (var (caller, token) in new[] { ("none", (string?)null), ("customer", customer), ("admin", admin) })
            {
                using var response = await stack.Gateway.SendAsync(GatewayClient.Request(new HttpMethod(rule.Method), Samples.Path(rule.Template), token));
                var status = (int)response.StatusCode;
                var expected = Samples.Refusal(rule, caller);
                var ok = expected switch
                {
                    // Allowed: the service itself answers (its own 2xx/4xx), never a refusal or a proxy failure.
                    null => status is not (401 or 403) && status < 500,
                    _ => status == expected,
                };
                if (!ok)
                {
                    failures.Add($"{rule.Method} {rule.Template} as {caller}: {status} (expected {expected?.ToString() ?? "the service's answer"})");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_spoofed_identity_is_ignored_the_token_decides()
    {
        var me = await MeAsync(admin);
        using var request = GatewayClient.Request(HttpMethod.Get, "/auth/me", customer);
        request.Headers.Add("X-User-Id", me.GetProperty("id").GetString());
        request.Headers.Add("X-User-Email", GatewayStack.AdminEmail);
        request.Headers.Add("X-User-Roles", "admin");

        using var response = await stack.Gateway.SendAsync(request);

        var seen = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(me.GetProperty("id").GetString(), seen.GetProperty("id").GetString());
        Assert.DoesNotContain("admin", seen.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));

        using var escalation = GatewayClient.Request(HttpMethod.Put, $"/auth/users/{seen.GetProperty("id").GetString()}/roles", customer);
        escalation.Headers.Add("X-User-Roles", "admin");
        escalation.Content = JsonContent.Create(new { roles = new[] { "customer", "admin" } });
        await GatewayClient.ProblemAsync(await stack.Gateway.SendAsync(escalation), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_tampered_or_unsigned_real_token_is_401()
    {
        var kid = KidOf(customer);
        var forged = TestTokens.WithPayload(customer, new TestTokens.Claims(Guid.NewGuid().ToString(), "x@gateway.test", ["customer", "admin"]));

        foreach (var token in new[] { forged, TestTokens.Unsigned(customer, kid), customer[..^4] })
        {
            using var response = await stack.Gateway.SendAsync(GatewayClient.Request(HttpMethod.Get, "/auth/me", token));
            await GatewayClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_token_signed_with_a_rotated_key_is_accepted_once_the_gateway_refetches_the_jwks()
    {
        var auth = stack.Stack.Service(ShopProject.Auth);
        var oldSeed = stack.Stack.Secrets.AuthSigningKey;
        auth.EnvironmentOverrides["Auth__SigningKeys__0"] = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 48);
        auth.EnvironmentOverrides["Auth__SigningKeys__1"] = oldSeed;
        await auth.RestartAsync();

        var rotated = await stack.SignInAsync(GatewayStack.NewEmail("rotated"));
        Assert.NotEqual(KidOf(customer), KidOf(rotated));

        await Eventually.GetAsync(() => StatusAsync(rotated), status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "/auth/me with the rotated key");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(customer));
    }

    private static string KidOf(string token) =>
        JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(token.Split('.')[0])).RootElement.GetProperty("kid").GetString()!;

    private async Task<HttpStatusCode> StatusAsync(string token)
    {
        using var response = await stack.Gateway.SendAsync(GatewayClient.Request(HttpMethod.Get, "/auth/me", token));
        return response.StatusCode;
    }

    private async Task<JsonElement> MeAsync(string token)
    {
        using var response = await stack.Gateway.SendAsync(GatewayClient.Request(HttpMethod.Get, "/auth/me", token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
