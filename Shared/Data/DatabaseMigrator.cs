using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Shop.Data;

/// <summary>
/// Creates the service's database if it is missing, then applies pending migrations under a Postgres advisory
/// lock, so replicas that start together apply each script exactly once. Plain SQL scripts rather than EF Core
/// migrations: Shop reads and writes with Dapper and has no DbContext to derive them from.
/// </summary>
public sealed class DatabaseMigrator(
    NpgsqlDataSource dataSource,
    PostgresDatabase database,
    IEnumerable<MigrationSource> sources,
    ILogger<DatabaseMigrator> logger)
{
    // Any fixed number works: advisory locks are scoped to the current database, and only migrations take this one.
    private const long MigrationLockKey = 740_001;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await CreateDatabaseIfMissingAsync(cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    source text NOT NULL,
                    version integer NOT NULL,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (source, version))
                """,
                cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<(string Source, int Version)>(new CommandDefinition(
                "SELECT source, version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();

            var pending = sources.DistinctBy(source => source.Assembly)
                .SelectMany(source => Migration.LoadFrom(source.Assembly))
                .Where(migration => !applied.Contains((migration.Source, migration.Version)));
            foreach (var migration in pending)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (source, version, name) VALUES (@Source, @Version, @Name)",
                    new { migration.Source, migration.Version, migration.Name },
                    transaction,
                    cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Source} {Version} {Name}", migration.Source, migration.Version, migration.Name);
            }
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey });
        }
    }

    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        // The data source hides the password, so the maintenance connection starts from the configured string.
        var maintenance = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false };
        var name = database.DatabaseName;
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", new { name }, cancellationToken: cancellationToken));
        if (exists)
        {
            return;
        }

        try
        {
            // Identifiers cannot be parameters; the name comes from configuration, quoted as an identifier.
            await connection.ExecuteAsync(new CommandDefinition($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken: cancellationToken));
            logger.LogInformation("Created database {Database}", name);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another replica created it first.
        }
    }
}
