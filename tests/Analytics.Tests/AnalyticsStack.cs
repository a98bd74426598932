using System.Collections.Concurrent;
using System.Globalization;
using Shop.Analytics.Tests.Support;
using Shop.DevStack;
using Shop.Gateway.Analytics;
using Shop.Testing;

namespace Shop.Analytics.Tests;

/// <summary>
/// The whole stack with two admin addresses (one signs in through the API, one through the page in the browser),
/// clients of the public API through the gateway, and Chromium, started on first use.
/// </summary>
public sealed class AnalyticsStack : StackFixture, IAsyncLifetime
{
    public const string AdminEmail = "admin@analytics.test";
    public const string PageAdminEmail = "page-admin@analytics.test";

    /// <summary>How long the gateway waits for each service's totals in these tests.</summary>
    public static readonly TimeSpan ServiceTimeout = TimeSpan.FromSeconds(4);

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<HttpClient> clients = [];

    public Chromium Browser { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["Auth__Admins__0"] = AdminEmail,
        ["Auth__Admins__1"] = PageAdminEmail,

        // Twice the default: on a busy two-core machine a healthy service can take more than 2 s to count.
        [$"{AnalyticsOptions.Section}__{nameof(AnalyticsOptions.ServiceTimeout)}"] = ServiceTimeout.ToString("c", CultureInfo.InvariantCulture),
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.DisposeAsync();
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await DisposeAsync();
    }

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@analytics.test";

    public ServiceInstance Service(ShopProject project) => Stack.Service(project);

    /// <summary>The public API through the gateway, as <paramref name="accessToken"/> (or anonymous).</summary>
    public ShopApi Api(string? accessToken = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(Stack.Gateway.Url), Timeout = TimeSpan.FromSeconds(30) };
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        }

        lock (clients)
        {
            clients.Add(http);
        }

        return new ShopApi(http);
    }

    /// <summary>
    /// An access token for <paramref name="email"/>, signed in once per stack (the code read from the mail sink):
    /// a sign-in per test would run into the per-address code limit.
    /// </summary>
    public Task<string> TokenAsync(string email) =>
        tokens.GetOrAdd(email, address => new Lazy<Task<string>>(() => Api().SignInAsync(address, Mail))).Value;

    public async Task<ShopApi> AdminAsync() => Api(await TokenAsync(AdminEmail));
}

[CollectionDefinition(Name)]
public sealed class AnalyticsCollection : ICollectionFixture<AnalyticsStack>
{
    public const string Name = "analytics";
}
