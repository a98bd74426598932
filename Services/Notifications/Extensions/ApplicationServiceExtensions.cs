using Shop.Data;
using Shop.Messaging;
using Shop.Notifications.Infrastructure.Mail;
using Shop.ServiceDefaults.Configuration;
using Shop.ServiceDefaults.Health;

namespace Shop.Notifications.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase("notificationsdb", typeof(Program).Assembly);
        builder.AddMessaging("notifications");

        builder.Services.AddSingleton(builder.Configuration.GetMailConnection());
        builder.Services.AddHealthChecks().AddDependencyCheck<SmtpHealthCheck>("mail");
    }
}
