namespace Shop.Messaging;

/// <summary>
/// Handles one event type for a durable consumer. Called once per delivery inside a database transaction that also
/// records the event id, so a redelivered event has no second effect. Throw to have the event retried later;
/// throw <see cref="MalformedEventException"/> to dead-letter it (data that does not fit the type is, already).
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent @event, EventContext context, CancellationToken cancellationToken);
}
