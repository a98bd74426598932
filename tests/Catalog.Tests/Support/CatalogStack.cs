using Shop.DevStack;
using Shop.Testing;

namespace Shop.Catalog.Tests.Support;

/// <summary>
/// The whole stack, with one admin e-mail configured, an event log that records everything on `msg.>`, and
/// clients for the public API.
/// </summary>
public sealed class CatalogStack : StackFixture, IAsyncLifetime
{
    public const string AdminEmail = "admin@catalog.test";

    public EventLog Events { get; private set; } = null!;

    public Accounts Accounts { get; }

    public string ProductsDatabase => Stack.Postgres.ConnectionString("productsdb");

    public string OrdersDatabase => Stack.Postgres.ConnectionString("ordersdb");

    public CatalogStack() => Accounts = new Accounts(this);

    protected override IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["Auth__Admins__0"] = AdminEmail,

        // Every test signs in from 127.0.0.1: the per-client sign-in limit is not what these tests are about.
        ["RateLimits__AuthPerClientPerMinute"] = "10000",
    };

    /// <summary>The public API as the gateway serves it: each route goes to the service the access table names.</summary>
    public HttpClient CreateApiClient(string? accessToken = null)
    {
        var client = new HttpClient(new AccessTableRouter(Stack)) { BaseAddress = new Uri("http://shop.test"), Timeout = TimeSpan.FromSeconds(30) };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        }

        return client;
    }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Events = await EventLog.StartAsync(Stack.Nats.ConnectionString);
    }

    public new async Task DisposeAsync()
    {
        if (Events is not null)
        {
            await Events.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CatalogCollection : ICollectionFixture<CatalogStack>
{
    public const string Name = "catalog";
}
