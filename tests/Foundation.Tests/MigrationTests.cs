using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shop.Data;
using Shop.Testing;

namespace Shop.Foundation.Tests;

/// <summary>Replicas that start together create the database and apply each script exactly once.</summary>
[Collection(StackCollection.Name)]
public sealed class MigrationTests(StackFixture fixture)
{
    [Fact]
    public async Task Concurrent_replicas_create_the_database_and_apply_each_migration_once()
    {
        var database = $"migrations_{Guid.NewGuid():N}";
        var connectionString = fixture.Stack.Postgres.ConnectionString(database);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => MigrateAsync(connectionString, database))));

        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM widgets"));
        Assert.Equal(
            ["1 create_widgets", "2 add_widget_color"],
            await connection.QueryAsync<string>(
                "SELECT version || ' ' || name FROM schema_migrations WHERE source = @source ORDER BY version",
                new { source = typeof(MigrationTests).Assembly.GetName().Name }));
    }

    [Fact]
    public async Task A_second_start_applies_nothing()
    {
        var database = $"migrations_{Guid.NewGuid():N}";
        var connectionString = fixture.Stack.Postgres.ConnectionString(database);

        await MigrateAsync(connectionString, database);
        await MigrateAsync(connectionString, database);

        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal("red", await connection.ExecuteScalarAsync<string>("SELECT color FROM widgets"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
    }

    private static async Task MigrateAsync(string connectionString, string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrator = new DatabaseMigrator(
            dataSource,
            new PostgresDatabase(database, connectionString),
            [new MigrationSource(typeof(MigrationTests).Assembly)],
            NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
    }
}
