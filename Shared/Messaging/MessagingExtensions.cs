using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Data;
using Shop.Nats;
using Shop.ServiceDefaults.Configuration;
using Shop.ServiceDefaults.Health;

namespace Shop.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// Events for a service named <paramref name="source"/>: a NATS connection from `ConnectionStrings__nats`, the
    /// streams ensured at startup, the transactional outbox and its relay, the inbox, and a readiness check.
    /// Call after AddPostgresDatabase: the outbox and inbox tables live in the service's database.
    /// </summary>
    public static MessagingBuilder AddMessaging(this IHostApplicationBuilder builder, string source)
    {
        var nats = builder.Configuration.GetNatsConnection();
        builder.Services.Configure<MessagingOptions>(builder.Configuration.GetSection("Messaging"));
        builder.Services.AddSingleton(new MessagingSource(source));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(provider => new NatsConnection(new NatsOpts
        {
            // OriginalString keeps escaped credentials escaped (ToString would unescape an @ or : in a password).
            Url = nats.Url.OriginalString,
            Name = $"shop-{source}",
            LoggerFactory = provider.GetRequiredService<ILoggerFactory>(),
        }));
        builder.Services.AddSingleton(provider => new NatsJSContext(provider.GetRequiredService<NatsConnection>()));
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<DeadLetters>();
        builder.AddMigrations(typeof(Outbox).Assembly);

        // Hosted services start in this order: streams exist before the relay and the consumers run.
        builder.Services.AddHostedService<StreamSetup>();
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddHealthChecks().AddDependencyCheck<NatsHealthCheck>("nats");
        return new MessagingBuilder(builder);
    }
}

public sealed class MessagingBuilder(IHostApplicationBuilder builder)
{
    /// <summary>
    /// A durable pull consumer named <paramref name="durableName"/> (shared by every replica) on
    /// <paramref name="filterSubject"/> (one subject; wildcards allowed, e.g. `msg.orders.>`).
    /// </summary>
    public MessagingBuilder AddConsumer<THandler>(string durableName, string filterSubject)
        where THandler : class, IIntegrationEventHandler
    {
        builder.Services.AddScoped<THandler>();
        builder.Services.AddSingleton<IHostedService>(provider =>
            ActivatorUtilities.CreateInstance<EventConsumer<THandler>>(provider, new ConsumerRegistration(durableName, filterSubject)));
        return this;
    }
}
