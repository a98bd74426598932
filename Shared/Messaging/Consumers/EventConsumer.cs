using System.Net.Sockets;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Shop.Messaging;

/// <summary>
/// Runs one durable pull consumer on stream `messages` and hands each event to the handler registered for its type.
/// Every replica of the service runs it with the same durable name, so each event is handled by one replica.
/// The event id is recorded in the inbox in the same transaction as the handler's work, then the message is
/// acked: a crash between commit and ack leads to a redelivery that the inbox turns into a no-op.
/// </summary>
internal sealed partial class EventConsumer(
    ConsumerRegistration registration,
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    INatsJSContext jetStream,
    Outbox outbox,
    DeadLetters deadLetters,
    IOptions<MessagingOptions> options,
    ILogger<EventConsumer> logger) : BackgroundService
{
    // Deliveries after which even transient failures stop being retried (a crash loop on one event).
    private const ulong PoisonDeliveries = 50;

    private readonly MessagingOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var consumer = await jetStream.CreateOrUpdateConsumerAsync(EventSubjects.Stream, registration.ToConsumerConfig(settings), stoppingToken);
                failures = 0;
                await foreach (var message in consumer.ConsumeAsync<byte[]>(opts: new NatsJSConsumeOpts { MaxMsgs = settings.ConsumerBatchSize }, cancellationToken: stoppingToken))
                {
                    await ProcessAsync(message, stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(5000, 250 * Math.Pow(2, Math.Min(failures, 5))));
                LogConsumerFailed(registration.DurableName, exception.Message, delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(INatsJSMsg<byte[]> message, CancellationToken cancellationToken)
    {
        var delivery = message.Metadata?.NumDelivered ?? 1;
        CloudEvent envelope;
        try
        {
            envelope = CloudEvent.Parse(message.Data, message.Subject);
        }
        catch (MalformedEventException exception)
        {
            await GiveUpAsync(message, exception.Message, cancellationToken);
            return;
        }

        if (!registration.Handlers.TryGetValue(envelope.Type, out var handler))
        {
            // On the consumer's subject but not for it (e.g. another order status): nothing to do.
            await message.AckAsync(cancellationToken: cancellationToken);
            return;
        }

        using var activity = MessagingTelemetry.StartProcess(message.Subject, message.Headers);
        try
        {
            await HandleOnceAsync(handler, envelope, delivery, cancellationToken);
            await message.AckAsync(cancellationToken: cancellationToken);
        }
        catch (MalformedEventException exception)
        {
            await GiveUpAsync(message, exception.Message, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var transient = IsTransient(exception);
            if ((!transient && delivery >= (ulong)settings.MaxDeliveries) || delivery >= PoisonDeliveries)
            {
                await GiveUpAsync(message, $"failed on delivery {delivery}: {exception.GetType().Name}: {exception.Message}", cancellationToken);
                return;
            }

            var delay = settings.RetryDelayAfter(delivery);
            LogHandlerFailed(envelope.Type, envelope.Id, delivery, exception, delay);
            await message.NakAsync(new AckOpts { NakDelay = delay }, cancellationToken);
        }
    }

    private async Task HandleOnceAsync(EventHandlerInvoker handler, CloudEvent envelope, ulong delivery, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var first = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO inbox (consumer, event_id) VALUES (@consumer, @id) ON CONFLICT DO NOTHING",
            new { consumer = registration.DurableName, id = envelope.Id },
            transaction,
            cancellationToken: cancellationToken)) == 1;
        if (first)
        {
            await handler(scope.ServiceProvider, envelope, new EventContext(envelope, connection, transaction, outbox, delivery), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Moves the message to the dead letters, then tells the server never to deliver it again.</summary>
    private async Task GiveUpAsync(INatsJSMsg<byte[]> message, string reason, CancellationToken cancellationToken)
    {
        LogDeadLettered(message.Subject, registration.DurableName, reason);
        await deadLetters.PublishAsync(message, registration.DurableName, reason, cancellationToken);
        // A bare +TERM: nats-server 2.9 ignores a +TERM that carries a reason.
        await message.AckTerminateAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Failures of the infrastructure (not of the event) are retried however long they last.</summary>
    private static bool IsTransient(Exception exception) => exception switch
    {
        NpgsqlException npgsql => npgsql.IsTransient || npgsql is not PostgresException,
        NatsException or TimeoutException or SocketException or IOException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Consumer} stopped ({Reason}); restarting in {Delay}")]
    private partial void LogConsumerFailed(string consumer, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling {Type} {Id} failed on delivery {Delivery}; retrying in {Delay}")]
    private partial void LogHandlerFailed(string type, Guid id, ulong delivery, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead-lettered a message on {Subject} for consumer {Consumer}: {Reason}")]
    private partial void LogDeadLettered(string subject, string consumer, string reason);
}
