namespace Shop.Messaging;

/// <summary>
/// Handles the events of one durable consumer. Called once per delivery inside a database transaction that also
/// records the event id, so a redelivered event has no second effect. Throw to have the event retried later;
/// throw <see cref="MalformedEventException"/> (as <see cref="CloudEvent.GetData{T}"/> does) to dead-letter it.
/// Events the handler has no use for: return without doing anything.
/// </summary>
public interface IIntegrationEventHandler
{
    Task HandleAsync(CloudEvent @event, EventContext context, CancellationToken cancellationToken);
}
