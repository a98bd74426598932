using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Shop.Messaging;

/// <summary>The handlers of one durable consumer, one per event type.</summary>
public sealed class ConsumerBuilder(IServiceCollection services, string durableName)
{
    private readonly Dictionary<string, EventHandlerInvoker> handlers = new(StringComparer.Ordinal);
    private readonly List<(string Source, string Subject)> events = [];

    /// <summary>Hands each <typeparamref name="TEvent"/> to a <typeparamref name="THandler"/> of its own scope.</summary>
    public ConsumerBuilder On<TEvent, THandler>()
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        if (!handlers.TryAdd(EventSubjects.TypeOf<TEvent>(), Invoke<TEvent, THandler>))
        {
            throw new InvalidOperationException($"Consumer {durableName} already has a handler for {EventSubjects.TypeOf<TEvent>()}.");
        }

        events.Add((TEvent.EventSource, EventSubjects.Of<TEvent>()));
        services.TryAddScoped<THandler>();
        return this;
    }

    internal ConsumerRegistration Build()
    {
        if (events.Count == 0)
        {
            throw new InvalidOperationException($"Consumer {durableName} handles no event.");
        }

        return new ConsumerRegistration(durableName, FilterSubject(), handlers);
    }

    private string FilterSubject()
    {
        var subjects = events.Select(@event => @event.Subject).Distinct().ToList();
        var sources = events.Select(@event => @event.Source).Distinct().ToList();
        return subjects.Count == 1 ? subjects[0]
            : sources.Count == 1 ? EventSubjects.AllOf(sources[0])
            : EventSubjects.StreamSubjects;
    }

    private static Task Invoke<TEvent, THandler>(IServiceProvider scope, CloudEvent envelope, EventContext context, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent> =>
        scope.GetRequiredService<THandler>().HandleAsync(envelope.GetData<TEvent>(), context, cancellationToken);
}
