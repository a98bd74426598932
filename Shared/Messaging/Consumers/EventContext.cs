using Npgsql;

namespace Shop.Messaging;

/// <summary>Where a handler does its work: the transaction that also records the event as handled.</summary>
public sealed class EventContext(NpgsqlConnection connection, NpgsqlTransaction transaction, Outbox outbox, ulong delivery)
{
    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction Transaction => transaction;

    /// <summary>1 for the first delivery, more when the event is being retried.</summary>
    public ulong Delivery => delivery;

    /// <summary>Enqueues a follow-up event in the same transaction (it is published only if the handler's work commits).</summary>
    public Task<Guid> PublishAsync(string eventName, object data, CancellationToken cancellationToken = default) =>
        outbox.EnqueueAsync(transaction, eventName, data, cancellationToken);
}
