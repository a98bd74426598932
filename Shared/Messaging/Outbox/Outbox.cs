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
    /// <summary>Writes `msg.&lt;source&gt;.&lt;eventName&gt;` with <paramref name="data"/> in <paramref name="transaction"/>; returns the event id.</summary>
    public async Task<Guid> EnqueueAsync(NpgsqlTransaction transaction, string eventName, object data, CancellationToken cancellationToken = default)
    {
        var envelope = CloudEvent.Create(source.Name, eventName, data, time.GetUtcNow());
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
