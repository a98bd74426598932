using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Shop.Data;

public static class PostgresExtensions
{
    /// <summary>
    /// The service's database from `ConnectionStrings__<name>`: Aspire.Npgsql's <c>NpgsqlDataSource</c> (pooling,
    /// the `PostgreSql` readiness check, traces and metrics), the database created if missing and migrated at startup
    /// from the SQL scripts embedded in <paramref name="migrationsAssembly"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresDatabase(this IHostApplicationBuilder builder, string name, Assembly migrationsAssembly)
    {
        builder.Services.AddSingleton(PostgresDatabase.FromConfiguration(builder.Configuration, name));
        builder.AddNpgsqlDataSource(name);
        builder.AddMigrations(migrationsAssembly);
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService<MigrationHostedService>();
        return builder;
    }

    /// <summary>Adds the SQL scripts embedded in <paramref name="assembly"/> to those applied to the service's database.</summary>
    public static IHostApplicationBuilder AddMigrations(this IHostApplicationBuilder builder, Assembly assembly)
    {
        builder.Services.AddSingleton(new MigrationSource(assembly));
        return builder;
    }
}
