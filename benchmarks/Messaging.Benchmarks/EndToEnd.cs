using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shop.Data;
using Shop.DevStack;

namespace Shop.Messaging.Benchmarks;

/// <summary>
/// Shop.Messaging end to end: a producer host writes events through its outbox (one event per transaction, as a
/// service does), its relay publishes them, and a consumer host with its own database handles and acks them.
/// </summary>
public sealed class EndToEnd : IAsyncDisposable
{
    // About the size of a small Shop event's data (an order_placed with one line).
    private static readonly string Padding = new('x', 200);

    private readonly IHost producer;
    private readonly IHost consumer;
    private readonly Handled handled;

    private EndToEnd(IHost producer, IHost consumer, Handled handled)
    {
        this.producer = producer;
        this.consumer = consumer;
        this.handled = handled;
    }

    public static async Task<EndToEnd> StartAsync(LocalStack stack)
    {
        var handled = new Handled();
        var producer = Host(BenchEvent.EventSource, "bench_producer", stack, consume: null);
        var consumer = Host("benchconsumer", "bench_consumer", stack, consume: handled);
        await producer.StartAsync();
        await consumer.StartAsync();
        return new EndToEnd(producer, consumer, handled);
    }

    /// <summary>
    /// Writes <paramref name="count"/> events from <paramref name="writers"/> concurrent writers, at most
    /// <paramref name="perSecond"/> per second in all (null: as fast as they can), and waits until all are handled.
    /// </summary>
    public async Task<Result> RunAsync(int count, int writers, double? perSecond)
    {
        handled.LatenciesMs.Clear();
        var outbox = producer.Services.GetRequiredService<Outbox>();
        var dataSource = producer.Services.GetRequiredService<NpgsqlDataSource>();
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                if (perSecond is { } rate && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(index / rate))
                {
                    await Task.Delay(TimeSpan.FromSeconds(index / rate) - Stopwatch.GetElapsedTime(started));
                }

                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await outbox.EnqueueAsync(transaction, new BenchEvent(Stopwatch.GetTimestamp(), Padding));
                await transaction.CommitAsync();
            }
        })));

        while (handled.LatenciesMs.Count < count)
        {
            await Task.Delay(5);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var latencies = handled.LatenciesMs.Order().ToArray();
        return new Result(count / elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    public async ValueTask DisposeAsync()
    {
        await consumer.StopAsync();
        await producer.StopAsync();
        consumer.Dispose();
        producer.Dispose();
    }

    private static double Percentile(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))];

    private static IHost Host(string source, string database, LocalStack stack, Handled? consume)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{database}"] = stack.Postgres.ConnectionString(database),
            ["ConnectionStrings:nats"] = stack.Nats.ConnectionString,
        });
        builder.AddPostgresDatabase(database, typeof(EndToEnd).Assembly);
        var messaging = builder.AddMessaging(source);
        if (consume is not null)
        {
            builder.Services.AddSingleton(consume);
            messaging.AddConsumer("bench-consumer", consumer => consumer.On<BenchEvent, BenchHandler>());
        }

        return builder.Build();
    }

    public sealed record Result(double PerSecond, double P50Ms, double P99Ms);
}
