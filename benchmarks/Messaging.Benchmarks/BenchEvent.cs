using System.Collections.Concurrent;
using System.Diagnostics;

namespace Shop.Messaging.Benchmarks;

/// <summary>The benchmark's event: when it was written to the outbox (a <see cref="Stopwatch"/> timestamp of this process).</summary>
public sealed record BenchEvent(long WrittenAt, string Padding) : IIntegrationEvent
{
    public static string EventSource => "bench";

    public static string EventName => "bench_happened";
}

/// <summary>Latencies from outbox insert to the consumer's handler, as the handlers record them.</summary>
public sealed class Handled
{
    public ConcurrentQueue<double> LatenciesMs { get; } = new();
}

/// <summary>The consumer's handler: only the inbox row the consumer writes anyway, and the latency.</summary>
public sealed class BenchHandler(Handled handled) : IIntegrationEventHandler<BenchEvent>
{
    public Task HandleAsync(BenchEvent @event, EventContext context, CancellationToken cancellationToken)
    {
        handled.LatenciesMs.Enqueue(Stopwatch.GetElapsedTime(@event.WrittenAt).TotalMilliseconds);
        return Task.CompletedTask;
    }
}
