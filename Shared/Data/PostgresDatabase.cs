using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Shop.Data;

/// <summary>The service's own database: its name and configured connection string (which keeps the password the data source hides).</summary>
public sealed record PostgresDatabase(string DatabaseName, string ConnectionString)
{
    /// <summary>
    /// `ConnectionStrings:<name>`, read by Npgsql's own parser. Checked when the service starts, so a missing or
    /// malformed value stops it with a message naming the environment variable that sets it.
    /// </summary>
    public static PostgresDatabase FromConfiguration(IConfiguration configuration, string name)
    {
        var key = $"ConnectionStrings__{name}";
        if (configuration.GetConnectionString(name) is not { Length: > 0 } connectionString)
        {
            throw new InvalidOperationException($"Configuration error: {key} is missing.");
        }

        NpgsqlConnectionStringBuilder parts;
        try
        {
            parts = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            // Npgsql's message may quote the value, password included: name the key only.
            throw new InvalidOperationException($"Configuration error: {key} is not a PostgreSQL connection string (Host=..;Port=..;Username=..;Password=..;Database=..).");
        }

        foreach (var (part, value) in new[] { ("Host", parts.Host), ("Username", parts.Username), ("Database", parts.Database) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException($"Configuration error: {key} has no {part}=.. part.");
            }
        }

        return new PostgresDatabase(parts.Database!, connectionString);
    }

    public override string ToString() => DatabaseName;
}
