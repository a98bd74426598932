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

    /// <summary>The public API, through the gateway.</summary>
    public HttpClient CreateApiClient(string? accessToken = null) =>
        WithToken(new HttpClient { BaseAddress = new Uri(Stack.Gateway.Url), Timeout = TimeSpan.FromSeconds(30) }, accessToken);

    /// <summary>
    /// The public routes sent straight to the service that serves them (the access table's), bypassing the gateway:
    /// for checking that products and orders enforce access themselves.
    /// </summary>
    public HttpClient CreateDirectClient(string? accessToken = null) =>
        WithToken(new HttpClient(new AccessTableRouter(Stack)) { BaseAddress = new Uri("http://shop.test"), Timeout = TimeSpan.FromSeconds(30) }, accessToken);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Events = await EventLog.StartAsync(Stack.Nats.ConnectionString);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Events is not null)
        {
            await Events.DisposeAsync();
        }

        await DisposeAsync();
    }

    private static HttpClient WithToken(HttpClient client, string? accessToken)
    {
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        }

        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class CatalogCollection : ICollectionFixture<CatalogStack>
{
    public const string Name = "catalog";
}
