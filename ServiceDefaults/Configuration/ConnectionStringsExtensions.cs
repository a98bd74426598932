using Microsoft.Extensions.Configuration;

namespace Shop.ServiceDefaults.Configuration;

/// <summary>
/// Reads the connection strings of contract.md section 2 from `ConnectionStrings:<name>` and fails at startup
/// with a message that names the missing or malformed key.
/// </summary>
public static class ConnectionStringsExtensions
{
    public static NatsConnectionInfo GetNatsConnection(this IConfiguration configuration, string name = "nats")
    {
        var value = Require(configuration, name);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme != "nats" || string.IsNullOrEmpty(url.Host))
        {
            throw new ConnectionStringException(name, "is not a nats://[user:pass@]host:port URL.");
        }

        return new NatsConnectionInfo(url);
    }

    public static StorageConnectionInfo GetStorageConnection(this IConfiguration configuration, string name = "storage")
    {
        var parts = ConnectionStringParts.Parse(name, Require(configuration, name));
        return new StorageConnectionInfo(
            parts.RequiredUri("Endpoint", "http", "https"),
            parts.Required("AccessKey"),
            parts.Required("SecretKey"));
    }

    public static MailConnectionInfo GetMailConnection(this IConfiguration configuration, string name = "mail")
    {
        var parts = ConnectionStringParts.Parse(name, Require(configuration, name));
        var endpoint = parts.RequiredUri("Endpoint", "smtp");
        return new MailConnectionInfo(endpoint.Host, endpoint.Port, parts.Optional("Username"), parts.Optional("Password"));
    }

    private static string Require(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new ConnectionStringException(name, "is missing.");
}
