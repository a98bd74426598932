namespace Shop.ServiceDefaults.Configuration;

/// <summary>A missing or malformed connection string, named by the environment variable that sets it.</summary>
public sealed class ConnectionStringException(string name, string problem)
    : InvalidOperationException($"Configuration error: ConnectionStrings__{name} {problem}")
{
    public string Name { get; } = name;
}
