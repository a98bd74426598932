using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NATS.Client.JetStream;

namespace Shop.Messaging;

/// <summary>
/// Publishes committed outbox rows to JetStream in `seq` order, with `Nats-Msg-Id` = event id so a retry after a
/// failure is deduplicated by the stream, then marks them sent. One replica relays at a time (a transaction-scoped
/// advisory lock), which keeps the order and makes replicas safe; the others take over when it stops.
/// Wakes on the outbox trigger's NOTIFY, polls as a fallback, and backs off while NATS or Postgres is down.
/// </summary>
internal sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    INatsJSContext jetStream,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    // Distinct from the migration lock; advisory locks are scoped to this service's database.
    private const long RelayLockKey = 740_002;
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(5);

    private readonly MessagingOptions settings = options.Value;
    private DateTime nextCleanup = DateTime.UtcNow;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        NpgsqlConnection? listener = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                listener ??= await ListenAsync(stoppingToken);
                var published = await RelayBatchAsync(stoppingToken);
                await CleanupIfDueAsync(stoppingToken);
                failures = 0;
                if (published < settings.RelayBatchSize)
                {
                    await listener.WaitAsync(settings.RelayPollInterval, stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(5000, 250 * Math.Pow(2, Math.Min(failures, 5))));
                LogRelayFailed(exception.Message, delay);
                if (listener is not null)
                {
                    await listener.DisposeAsync();
                    listener = null;
                }

                await Task.Delay(delay, stoppingToken);
            }
        }

        if (listener is not null)
        {
            await listener.DisposeAsync();
        }
    }

    /// <summary>Publishes the next batch; returns how many rows it sent (0 when another replica holds the relay lock).</summary>
    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_xact_lock(@key)", new { key = RelayLockKey }, transaction, cancellationToken: cancellationToken)))
        {
            return 0;
        }

        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            "SELECT seq, id, subject, payload, traceparent FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT @limit",
            new { limit = settings.RelayBatchSize },
            transaction,
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        // One at a time, each acked before the next: a publish lost in a reconnect must not let later rows overtake it.
        foreach (var row in rows)
        {
            await PublishAsync(row, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET sent_at = now() WHERE seq = ANY(@seqs)",
            new { seqs = rows.Select(row => row.Seq).ToArray() },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        using var activity = MessagingTelemetry.StartPublish(row.Subject, row.TraceParent);
        var ack = await jetStream.PublishAsync(
            row.Subject,
            row.Payload,
            opts: new NatsJSPubOpts { MsgId = row.Id.ToString() },
            headers: MessagingTelemetry.HeadersFor(activity, row.TraceParent),
            cancellationToken: cancellationToken);

        // A duplicate means an earlier attempt was stored already (the stream deduplicated it by Nats-Msg-Id): done.
        if (ack.Error is { } error)
        {
            throw new NatsJSApiException(error);
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("LISTEN outbox", cancellationToken: cancellationToken));
        return connection;
    }

    /// <summary>Sent rows and old inbox entries are only history: keep the tables small.</summary>
    private async Task CleanupIfDueAsync(CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow < nextCleanup)
        {
            return;
        }

        nextCleanup = DateTime.UtcNow + CleanupInterval;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM outbox WHERE sent_at < now() - interval '1 hour';
            DELETE FROM inbox WHERE handled_at < now() - @keep;
            """,
            new { keep = settings.Retention + TimeSpan.FromDays(1) },
            cancellationToken: cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed ({Reason}); retrying in {Delay}")]
    private partial void LogRelayFailed(string reason, TimeSpan delay);
}
