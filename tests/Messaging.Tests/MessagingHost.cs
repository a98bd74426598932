using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Shop.Data;
using Shop.DevStack;

namespace Shop.Messaging.Tests;

/// <summary>A small service host wired like the real services (database, migrations, messaging, one consumer).</summary>
public sealed class MessagingHost<TSource> : IAsyncDisposable
    where TSource : ITestSource
{
    private readonly IHost host;

    private MessagingHost(IHost host, HandlerBehaviour behaviour)
    {
        this.host = host;
        Behaviour = behaviour;
    }

    /// <summary>The durable consumer's name.</summary>
    public static string Consumer => $"{TSource.Name}-tests";

    public IServiceProvider Services => host.Services;

    public HandlerBehaviour Behaviour { get; }

    public NpgsqlDataSource DataSource => host.Services.GetRequiredService<NpgsqlDataSource>();

    public Outbox Outbox => host.Services.GetRequiredService<Outbox>();

    /// <summary>Starts a host for <typeparamref name="TSource"/> on database <paramref name="database"/>, consuming its `thing_happened`.</summary>
    public static async Task<MessagingHost<TSource>> StartAsync(LocalStack stack, string database, string name = "host", bool consume = true)
    {
        var behaviour = new HandlerBehaviour(name);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{database}"] = stack.Postgres.ConnectionString(database),
            ["ConnectionStrings:nats"] = stack.Nats.ConnectionString,
            ["Messaging:AckWait"] = "00:00:03",
            ["Messaging:MaxDeliveries"] = "3",
            ["Messaging:RetryDelays:0"] = "00:00:00.200",
            ["Messaging:RetryDelays:1"] = "00:00:00.200",
            ["Messaging:RetryDelays:2"] = "00:00:00.200",
            ["Messaging:RetryDelays:3"] = "00:00:00.200",
            ["Messaging:RelayPollInterval"] = "00:00:00.500",
        });
        builder.Services.AddSingleton(behaviour);
        builder.AddPostgresDatabase(database, typeof(HandlerBehaviour).Assembly);
        var messaging = builder.AddMessaging(TSource.Name);
        if (consume)
        {
            messaging.AddConsumer(Consumer, consumer => consumer.On<ThingHappened<TSource>, RecordingHandler<TSource>>());
        }

        var host = builder.Build();
        await host.StartAsync();
        return new MessagingHost<TSource>(host, behaviour);
    }

    /// <summary>Writes events through the outbox in one transaction, committed or rolled back.</summary>
    public async Task<Guid[]> EnqueueAsync(bool commit, params ThingHappened<TSource>[] events)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var ids = new List<Guid>();
        foreach (var thing in events)
        {
            ids.Add(await Outbox.EnqueueAsync(transaction, thing));
        }

        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return ids.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
