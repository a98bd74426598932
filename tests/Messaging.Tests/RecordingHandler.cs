using Dapper;

namespace Shop.Messaging.Tests;

/// <summary>
/// Writes one `effects` row per handled event in the consumer's transaction. Its behaviour per event name is set by
/// the test through <see cref="HandlerBehaviour"/>: `fail` always throws, `slow` blocks until released.
/// </summary>
public sealed class RecordingHandler(HandlerBehaviour behaviour) : IIntegrationEventHandler
{
    public async Task HandleAsync(CloudEvent @event, EventContext context, CancellationToken cancellationToken)
    {
        var data = @event.GetData<ThingHappened>();
        behaviour.Seen(@event);
        if (data.Name == "fail")
        {
            throw new InvalidOperationException("this event always fails");
        }

        if (data.Name == "slow")
        {
            await behaviour.SlowGate.Task.WaitAsync(cancellationToken);
        }

        await context.Connection.ExecuteAsync(
            "INSERT INTO effects (event_id, name, handled_by) VALUES (@Id, @Name, @HandledBy)",
            new { @event.Id, data.Name, HandledBy = behaviour.HostName },
            context.Transaction);
        if (data.Name == "chain")
        {
            await context.PublishAsync("thing_followed", new ThingHappened("followed", data.Number), cancellationToken);
        }
    }
}

public sealed class HandlerBehaviour(string hostName)
{
    private int deliveries;

    public string HostName => hostName;

    public TaskCompletionSource SlowGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Deliveries => Volatile.Read(ref deliveries);

    public List<string?> TraceIds { get; } = [];

    public void Seen(CloudEvent @event)
    {
        Interlocked.Increment(ref deliveries);
        lock (TraceIds)
        {
            TraceIds.Add(System.Diagnostics.Activity.Current?.TraceId.ToString());
        }
    }
}
