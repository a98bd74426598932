using Shop.Testing;

namespace Shop.SystemTests.Support;

/// <summary>
/// The whole system on real servers, used only through the gateway: one admin address, a 3-second cart
/// reminder, and sign-in limits raised because every test client comes from 127.0.0.1. Shared by a collection,
/// or started by a test of its own (<see cref="StartAsync"/>) when the test breaks things on purpose.
/// </summary>
public class SystemStack : StackFixture
{
    public const string AdminEmail = "admin@system.test";

    private readonly Lock gate = new();
    private Task<Shopper>? admin;

    public int ReplicaCount { get; init; } = 1;

    /// <summary>Settings added to (or replacing) the defaults below.</summary>
    public IReadOnlyDictionary<string, string?> ExtraEnvironment { get; init; } = new Dictionary<string, string?>();

    public Uri GatewayUrl => new(Stack.Gateway.Url);

    protected override int Replicas => ReplicaCount;

    protected override IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["Auth__Admins__0"] = AdminEmail,
        ["Notifications__CartReminderDelay"] = "00:00:03",
        ["RateLimits__AuthPerClientPerMinute"] = "100000",
    }.Concat(ExtraEnvironment).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Last().Value);

    /// <summary>Starts a stack for <paramref name="test"/> alone and stops it afterwards, whatever happened.</summary>
    public static async Task RunAsync(int replicas, IReadOnlyDictionary<string, string?>? environment, Func<SystemStack, Task> test)
    {
        var stack = new SystemStack { ReplicaCount = replicas, ExtraEnvironment = environment ?? new Dictionary<string, string?>() };
        try
        {
            await stack.InitializeAsync();
            await test(stack);
        }
        finally
        {
            await stack.DisposeAsync();
        }
    }

    /// <summary>The configured admin, signed in once per stack (the per-address code limit applies to it too).</summary>
    public Task<Shopper> AdminAsync()
    {
        lock (gate)
        {
            return admin ??= SignInAsync(AdminEmail);
        }
    }

    public Task<Shopper> SignInAsync(string email) => Shopper.SignInAsync(GatewayUrl, Mail, email);

    /// <summary>A new customer with an address no other test uses.</summary>
    public Task<Shopper> NewCustomerAsync(string name = "customer") => SignInAsync(NewEmail(name));

    public static string NewEmail(string name) => $"{name}-{Guid.NewGuid():N}@system.test";
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemStack>
{
    public const string Name = "system";
}
