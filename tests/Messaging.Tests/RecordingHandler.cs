using Dapper;

namespace Shop.Messaging.Tests;

/// <summary>
/// Writes one `effects` row per handled event in the consumer's transaction. Its behaviour per event kind is set by
/// the test through <see cref="HandlerBehaviour"/>: `fail` always throws, `slow` blocks until released.
/// </summary>
public sealed class RecordingHandler<TSource>(HandlerBehaviour behaviour) : IIntegrationEventHandler<ThingHappened<TSource>>
    where TSource : ITestSource
{
    public async Task HandleAsync(ThingHappened<TSource> @event, EventContext context, CancellationToken cancellationToken)
    {
        behaviour.Seen();
        if (@event.Kind == "fail")
        {
            throw new InvalidOperationException("this event always fails");
        }

        if (@event.Kind == "slow")
        {
            await behaviour.SlowGate.Task.WaitAsync(cancellationToken);
        }

        await context.Connection.ExecuteAsync(
            "INSERT INTO effects (event_id, name, handled_by) VALUES (@Id, @Kind, @HandledBy)",
            new { context.Envelope.Id, @event.Kind, HandledBy = behaviour.HostName },
            context.Transaction);
        if (@event.Kind == "chain")
        {
            await context.PublishAsync(new ThingFollowed<TSource>(@event.Number), cancellationToken);
        }
    }
}

public sealed class HandlerBehaviour(string hostName)
{
    private int deliveries;

    public string HostName => hostName;

    public TaskCompletionSource SlowGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Deliveries => Volatile.Read(ref deliveries);

    public List<System.Diagnostics.Activity?> Activities { get; } = [];

    public void Seen()
    {
        Interlocked.Increment(ref deliveries);
        lock (Activities)
        {
            Activities.Add(System.Diagnostics.Activity.Current);
        }
    }
}
