using Npgsql;

namespace Shop.Messaging;

/// <summary>Where a handler does its work: the transaction that also records the event as handled.</summary>
public sealed class EventContext(CloudEvent envelope, NpgsqlConnection connection, NpgsqlTransaction transaction, Outbox outbox, ulong delivery)
{
    /// <summary>The envelope the event came in (its id, time and type).</summary>
    public CloudEvent Envelope => envelope;

    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction Transaction => transaction;

    /// <summary>1 for the first delivery, more when the event is being retried.</summary>
    public ulong Delivery => delivery;

    /// <summary>Enqueues a follow-up event in the same transaction (it is published only if the handler's work commits).</summary>
    public Task<Guid> PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent =>
        outbox.EnqueueAsync(transaction, @event, cancellationToken);
}
