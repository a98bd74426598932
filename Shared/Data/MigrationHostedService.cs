using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Shop.Data;

/// <summary>
/// Migrates before the server starts taking requests (hosted services start before Kestrel), retrying while
/// Postgres is unreachable so a service started before its database simply waits for it.
/// </summary>
internal sealed class MigrationHostedService(DatabaseMigrator migrator, PostgresDatabase database, ILogger<MigrationHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Database {Database} is not reachable yet ({Reason}); retrying in {Delay}", database, exception.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
