namespace Shop.Data;

/// <summary>The service's own database: its name and configured connection string.</summary>
public sealed record PostgresDatabase(string DatabaseName, string ConnectionString)
{
    public override string ToString() => DatabaseName;
}
