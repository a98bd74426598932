using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Gateway.Tests.Infrastructure;
using Shop.Testing;

namespace Shop.Gateway.Tests;

/// <summary>The whole system (PostgreSQL, NATS, S3, mail, every service, the gateway) as DevStack runs it.</summary>
public sealed class GatewayStack : StackFixture, IAsyncLifetime
{
    public const string AdminEmail = "admin@gateway.test";

    public SignInCodes Codes { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["Auth__Admins__0"] = AdminEmail,
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Codes = await SignInCodes.StartAsync(Stack.Nats.ConnectionString);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Codes is not null)
        {
            await Codes.DisposeAsync();
        }

        await DisposeAsync();
    }

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@gateway.test";

    /// <summary>Signs in through the gateway as a user would: code requested, read from auth's event, verified.</summary>
    public async Task<string> SignInAsync(string email)
    {
        using (var login = await Gateway.PostAsJsonAsync(new Uri("/auth/login", UriKind.Relative), new { email }))
        {
            Assert.Equal(HttpStatusCode.Accepted, login.StatusCode);
        }

        var code = await Codes.NextAsync(email);
        using var verify = await Gateway.PostAsJsonAsync(new Uri("/auth/verify", UriKind.Relative), new { email, code });
        Assert.True(verify.StatusCode == HttpStatusCode.OK, await verify.Content.ReadAsStringAsync());
        return (await verify.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayStackCollection : ICollectionFixture<GatewayStack>
{
    public const string Name = "gateway stack";
}
