using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NATS.Client.Core;
using NATS.Client.Hosting;
using NATS.Client.JetStream;
using Shop.Data;
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
        // Read (and checked) now, so a missing or malformed value stops the service naming the key.
        var nats = builder.Configuration.GetNatsConnection();
        builder.Services.Configure<MessagingOptions>(builder.Configuration.GetSection("Messaging"));
        builder.Services.AddSingleton(new MessagingSource(source));
        builder.Services.AddSingleton(TimeProvider.System);

        // The client reads user and password from the URL; OriginalString keeps escaped credentials escaped.
        builder.Services.AddNats(configureOpts: options => options with { Url = nats.Url.OriginalString, Name = $"shop-{source}" });
        builder.Services.AddSingleton<INatsJSContext>(provider => new NatsJSContext(provider.GetRequiredService<INatsConnection>()));
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
