using NATS.Client.JetStream.Models;

namespace Shop.Messaging;

/// <summary>Runs the handler registered for one event type, with the event's data read as that type.</summary>
internal delegate Task EventHandlerInvoker(IServiceProvider services, CloudEvent envelope, EventContext context, CancellationToken cancellationToken);

/// <summary>A durable consumer: its name (shared by every replica), the subject it reads and its handlers by CloudEvents type.</summary>
public sealed class ConsumerRegistration
{
    internal ConsumerRegistration(string durableName, string filterSubject, IReadOnlyDictionary<string, EventHandlerInvoker> handlers)
    {
        DurableName = durableName;
        FilterSubject = filterSubject;
        Handlers = handlers;
    }

    public string DurableName { get; }

    /// <summary>One subject (nats-server 2.9 knows no `filter_subjects`): the narrowest that holds every handled event.</summary>
    public string FilterSubject { get; }

    internal IReadOnlyDictionary<string, EventHandlerInvoker> Handlers { get; }

    /// <summary>What Shop asks nats-server for: only settings 2.9 knows; redeliveries and dead letters are ours.</summary>
    public ConsumerConfig ToConsumerConfig(MessagingOptions settings) => new(DurableName)
    {
        FilterSubject = FilterSubject,
        DeliverPolicy = ConsumerConfigDeliverPolicy.All,
        AckPolicy = ConsumerConfigAckPolicy.Explicit,
        AckWait = settings.AckWait,
        MaxDeliver = -1,
        MaxAckPending = Math.Max(256, settings.ConsumerBatchSize * 2),
        ReplayPolicy = ConsumerConfigReplayPolicy.Instant,
    };
}
