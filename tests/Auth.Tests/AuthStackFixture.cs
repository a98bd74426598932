using Npgsql;
using Shop.Auth.Tests.Support;
using Shop.DevStack;
using Shop.Testing;

namespace Shop.Auth.Tests;

/// <summary>
/// One whole stack for the auth tests, with an admin address configured, a reader of auth's events, and
/// clients that call the auth instance directly as the gateway would (X-Forwarded-For set).
/// </summary>
public sealed class AuthStackFixture : StackFixture, IAsyncLifetime
{
    public const string AdminEmail = "admin@shop.test";

    private readonly List<HttpClient> clients = [];
    private Task<IssuedTokens>? admin;

    public AuthEvents Events { get; private set; } = null!;

    public ServiceInstance Auth => Stack.Service(ShopProject.Auth);

    /// <summary>The seed of the stack's signing key, as DevStack passes it in Auth__SigningKeys__0.</summary>
    public string SigningKeySeed => Stack.Secrets.AuthSigningKey;

    protected override IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        // Mixed case and spaces: the configured list is normalized like every address.
        ["Auth__Admins__0"] = $"  {AdminEmail.ToUpperInvariant()} ",
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Events = await AuthEvents.StartAsync(Stack.Nats.ConnectionString);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        if (Events is not null)
        {
            await Events.DisposeAsync();
        }

        await DisposeAsync();
    }

    /// <summary>A client of <paramref name="instance"/> (default: the stack's auth) with its own client address.</summary>
    public AuthClient Client(ServiceInstance? instance = null, string? clientAddress = null)
    {
        var http = new HttpClient { BaseAddress = new Uri((instance ?? Auth).Url), Timeout = TimeSpan.FromSeconds(30) };
        lock (clients)
        {
            clients.Add(http);
        }

        return new AuthClient(http, Events, clientAddress);
    }

    /// <summary>
    /// Tokens of the configured admin, signed in once for the whole collection: the admin's address is shared,
    /// and the per-e-mail code limit (5 per 15 minutes) would refuse a sign-in per test.
    /// </summary>
    public Task<IssuedTokens> AdminAsync()
    {
        lock (clients)
        {
            return admin ??= Client().SignInAsync(AdminEmail);
        }
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(Stack.Postgres.ConnectionString("authdb"));
        await connection.OpenAsync();
        return connection;
    }
}

[CollectionDefinition(Name)]
public sealed class AuthStackCollection : ICollectionFixture<AuthStackFixture>
{
    public const string Name = "auth-stack";
}
