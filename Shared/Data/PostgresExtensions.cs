using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Shop.ServiceDefaults.Configuration;
using Shop.ServiceDefaults.Health;

namespace Shop.Data;

public static class PostgresExtensions
{
    /// <summary>
    /// The service's database from `ConnectionStrings__<name>`: an <see cref="NpgsqlDataSource"/>, the database created
    /// and migrated at startup from the SQL scripts embedded in <paramref name="migrationsAssembly"/>, and a readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresDatabase(this IHostApplicationBuilder builder, string name, Assembly migrationsAssembly)
    {
        var connection = builder.Configuration.GetPostgresConnection(name);
        builder.Services.AddSingleton(new PostgresDatabase(connection.Database, connection.ConnectionString));
        builder.AddMigrations(migrationsAssembly);
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connection.ConnectionString) { Name = name }.Build());
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddHealthChecks().AddDependencyCheck<PostgresHealthCheck>("postgres");
        return builder;
    }

    /// <summary>Adds the SQL scripts embedded in <paramref name="assembly"/> to those applied to the service's database.</summary>
    public static IHostApplicationBuilder AddMigrations(this IHostApplicationBuilder builder, Assembly assembly)
    {
        builder.Services.AddSingleton(new MigrationSource(assembly));
        return builder;
    }
}
