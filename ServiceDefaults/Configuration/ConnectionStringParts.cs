using System.Data.Common;

namespace Shop.ServiceDefaults.Configuration;

/// <summary>The `Key=value;Key=value` form Aspire uses, read case-insensitively.</summary>
internal sealed class ConnectionStringParts
{
    private readonly DbConnectionStringBuilder parts;
    private readonly string name;

    private ConnectionStringParts(string name, DbConnectionStringBuilder parts)
    {
        this.name = name;
        this.parts = parts;
    }

    public static ConnectionStringParts Parse(string name, string value)
    {
        try
        {
            return new ConnectionStringParts(name, new DbConnectionStringBuilder { ConnectionString = value });
        }
        catch (ArgumentException)
        {
            throw new ConnectionStringException(name, "is not a list of Key=value pairs separated by ';'.");
        }
    }

    public string? Optional(params string[] keys) =>
        keys.Select(key => parts.TryGetValue(key, out var value) ? value?.ToString() : null)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    public string Required(params string[] keys) =>
        Optional(keys) ?? throw new ConnectionStringException(name, $"has no {keys[0]}=.. part.");

    public Uri RequiredUri(string key, params string[] schemes)
    {
        var text = Required(key);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme) || uri.Port <= 0)
        {
            throw new ConnectionStringException(name, $"has {key}={text}, which is not a {string.Join(" or ", schemes)}://host:port URL.");
        }

        return uri;
    }
}
