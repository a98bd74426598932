namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>
/// The `mail` connection string and the SMTP server do not agree (for example credentials for a server without AUTH).
/// Not a reason to give a mail up: it stays pending and is retried until the configuration is fixed.
/// </summary>
internal sealed class SmtpConfigurationException(string message) : Exception(message);
