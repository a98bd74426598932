using System.Data.Common;
using MailKit.Security;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>
/// `ConnectionStrings__mail`: `Endpoint=smtp://host:port[;Username=..;Password=..][;Security=StartTls|Required|None]`.
/// Security: `StartTls` (the default) upgrades with STARTTLS when the server offers it, `Required` refuses a server
/// that does not, `None` never upgrades.
/// </summary>
internal sealed record MailConnection(string Host, int Port, string? Username, string? Password, SecureSocketOptions Security)
{
    public const string Name = "mail";

    public static MailConnection FromConfiguration(IConfiguration configuration)
    {
        var server = configuration.GetMailConnection(Name);
        // Endpoint and credentials were read (and the string checked) above; only Security is ours.
        var parts = new DbConnectionStringBuilder { ConnectionString = configuration.GetConnectionString(Name) };
        var security = parts.TryGetValue("Security", out var value) ? value?.ToString() : null;
        return new MailConnection(server.Host, server.Port, server.Username, server.Password, ParseSecurity(security));
    }

    /// <summary>Keeps the password out of logs and exception messages.</summary>
    public override string ToString() =>
        $"Endpoint=smtp://{Host}:{Port}" + (Username is null ? string.Empty : $";Username={Username};Password=***") + $";Security={Security}";

    private static SecureSocketOptions ParseSecurity(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "starttls" => SecureSocketOptions.StartTlsWhenAvailable,
        "required" => SecureSocketOptions.StartTls,
        "none" => SecureSocketOptions.None,
        _ => throw new ConnectionStringException(Name, $"has Security={value}, which is not StartTls, Required or None."),
    };
}
