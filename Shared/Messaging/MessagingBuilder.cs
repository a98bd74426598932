using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Shop.Messaging;

public sealed class MessagingBuilder(IHostApplicationBuilder builder)
{
    /// <summary>
    /// A durable pull consumer named <paramref name="durableName"/>, shared by every replica, reading the events
    /// that <paramref name="handlers"/> registers a handler for; other events on its subject are acked unhandled.
    /// </summary>
    public MessagingBuilder AddConsumer(string durableName, Action<ConsumerBuilder> handlers)
    {
        var consumer = new ConsumerBuilder(builder.Services, durableName);
        handlers(consumer);
        var registration = consumer.Build();
        builder.Services.AddSingleton(registration);
        builder.Services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<EventConsumer>(provider, registration));
        return this;
    }
}
