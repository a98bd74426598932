using Shop.DevStack;
using Shop.Testing;

namespace Shop.Messaging.Tests;

/// <summary>PostgreSQL and nats-server only: the messaging library is tested in hosts the tests build themselves.</summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    public LocalStack Stack { get; } = TestStacks.Create();

    public Task InitializeAsync() => Stack.StartInfrastructureAsync();

    public async Task DisposeAsync()
    {
        await Stack.StopAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "infrastructure";
}
