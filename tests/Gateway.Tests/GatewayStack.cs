using Shop.Testing;

namespace Shop.Gateway.Tests;

/// <summary>The whole system (PostgreSQL, NATS, S3, mail, every service, the gateway) as DevStack runs it.</summary>
public sealed class GatewayStack : StackFixture
{
    public const string AdminEmail = "admin@gateway.test";

    protected override IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["Auth__Admins__0"] = AdminEmail,
    };
}

[CollectionDefinition(Name)]
public sealed class GatewayStackCollection : ICollectionFixture<GatewayStack>
{
    public const string Name = "gateway stack";
}
