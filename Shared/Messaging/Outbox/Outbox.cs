using System.Text.Json;
using Dapper;
using Npgsql;

namespace Shop.Messaging;

/// <summary>
/// The only way a service publishes: the event is written in the caller's database transaction, so it exists
/// if and only if the change it announces was committed. <see cref="OutboxRelay"/> publishes it afterwards.
/// </summary>
public sealed class Outbox(MessagingSource source, TimeProvider time)
{
    /// <summary>Writes <paramref name="event"/> on its subject in <paramref name="transaction"/>; returns the event id.</summary>
    /// <exception cref="InvalidOperationException">The event is another service's: a service publishes only its own.</exception>
    public async Task<Guid> EnqueueAsync<TEvent>(NpgsqlTransaction transaction, TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent
    {
        if (TEvent.EventSource != source.Name)
        {
            throw new InvalidOperationException($"{EventSubjects.TypeOf<TEvent>()} is published by {TEvent.EventSource}, not by {source.Name}.");
        }

        var envelope = CloudEvent.Create(source.Name, TEvent.EventName, @event, time.GetUtcNow());
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO outbox (id, subject, payload, traceparent) VALUES (@Id, @Subject, @Payload, @TraceParent)",
            new
            {
                envelope.Id,
                envelope.Subject,
                Payload = JsonSerializer.SerializeToUtf8Bytes(envelope, EventJson.Options),
                TraceParent = MessagingTelemetry.CurrentTraceParent(),
            },
            transaction,
            cancellationToken: cancellationToken));
        return envelope.Id;
    }
}
