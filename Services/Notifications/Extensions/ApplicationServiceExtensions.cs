using Shop.Data;
using Shop.Messaging;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.Infrastructure.Mail;
using Shop.Notifications.IntegrationEvents.Events;
using Shop.Notifications.IntegrationEvents.Handlers;
using Shop.Notifications.Sending;
using Shop.ServiceDefaults.Health;
using Shop.ServiceDefaults.Secrets;

namespace Shop.Notifications.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase("notificationsdb", typeof(Program).Assembly);

        // One durable consumer shared by every replica: each event is handled by one of them, once.
        builder.AddMessaging("notifications")
            .AddConsumer(MailFailureReporter.Consumer, consumer => consumer
                .On<LoginCodeRequested, LoginCodeMailHandler>()
                .On<UserRegistered, WelcomeMailHandler>()
                .On<OrderConfirmed, OrderStatusMailHandler<OrderConfirmed>>()
                .On<OrderRejected, OrderStatusMailHandler<OrderRejected>>()
                .On<OrderCancelled, OrderStatusMailHandler<OrderCancelled>>()
                .On<OrderShipped, OrderStatusMailHandler<OrderShipped>>()
                .On<OrderDelivered, OrderStatusMailHandler<OrderDelivered>>()
                .On<CartUpdated, CartReminderHandler>()
                .On<OrderPlaced, CartReminderHandler>()
                .On<ScheduleRequested, ScheduledMailHandler>());

        builder.Services.AddOptions<NotificationOptions>()
            .Bind(builder.Configuration.GetSection(NotificationOptions.Section))
            .ValidateDataAnnotations()
            .Validate(options => options.CartReminderDelay >= TimeSpan.Zero, "Notifications:CartReminderDelay must not be negative.")
            .Validate(options => options.SendLease >= TimeSpan.FromSeconds(2), "Notifications:SendLease must be at least 2 seconds.")
            .Validate(options => options.MaxRetryDelay > TimeSpan.Zero && options.PollInterval > TimeSpan.Zero, "Notifications:MaxRetryDelay and PollInterval must be positive.")
            .Validate(options => System.Net.Mail.MailAddress.TryCreate(options.From, out _), "Notifications:From must be an e-mail address.")
            .ValidateOnStart();

        builder.Services.AddSingleton(MailConnection.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<SmtpConnector>();
        builder.Services.AddSingleton<MailMessageFactory>();
        builder.Services.AddHealthChecks().AddDependencyCheck<SmtpHealthCheck>("mail");

        // Sign-in codes arrive sealed by auth; only auth and notifications hold Notifications__CodeKey.
        builder.Services.AddSingleton(SignInCodeCipher.FromConfiguration(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton<NotificationMetrics>();
        builder.Services.AddSingleton<MailQueue>();
        builder.Services.AddSingleton<MailFailureReporter>();
        builder.Services.AddSingleton<MailDueSignal>();
        builder.Services.AddHostedService<MailDueListener>();
        builder.Services.AddHostedService<MailSender>();
    }
}
