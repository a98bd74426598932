using Dapper;
using Npgsql;
using Shop.Auth.Extensions;

namespace Shop.Auth.Infrastructure;

/// <summary>
/// Hourly, deletes what no request can use any more: revoked sign-ins and those whose every refresh token has
/// expired (used tokens are kept until then, to recognise a replay), expired codes, and code requests older than
/// the rate-limit window. Every replica runs it; the deletes are idempotent, so no coordination is needed.
/// </summary>
internal sealed partial class ExpiredSignInCleanup(NpgsqlDataSource dataSource, TimeProvider time, ILogger<ExpiredSignInCleanup> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes the expired rows now; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM sign_ins s
            WHERE s.revoked_at IS NOT NULL
               OR NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.sign_in_id = s.id AND t.expires_at > @now);
            DELETE FROM login_codes WHERE expires_at <= @now;
            DELETE FROM login_code_requests WHERE requested_at <= @windowStart;
            """,
            new { now, windowStart = now - RateLimitOptions.CodeRequestWindow },
            cancellationToken: cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                LogDeleted(await DeleteExpiredAsync(stoppingToken));
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Debug, "Deleted {Rows} expired sign-in rows")]
    private partial void LogDeleted(int rows);

    [LoggerMessage(LogLevel.Warning, "Deleting expired sign-in rows failed (next try in an hour): {Reason}")]
    private partial void LogFailed(string reason);
}
