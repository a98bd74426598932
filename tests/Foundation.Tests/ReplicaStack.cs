using Shop.Testing;

namespace Shop.Foundation.Tests;

/// <summary>The whole system with two replicas of every service, so one can die while the other serves.</summary>
public sealed class ReplicaStack : StackFixture
{
    public const string AdminEmail = "admin@replicas.test";

    protected override int Replicas => 2;

    protected override IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["Auth__Admins__0"] = AdminEmail,
    };
}

[CollectionDefinition(Name)]
public sealed class ReplicaStackCollection : ICollectionFixture<ReplicaStack>
{
    public const string Name = "replica stack";
}
