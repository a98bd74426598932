using Dapper;
using Npgsql;
using Microsoft.Extensions.Options;
using Shop.Auth.Extensions;

namespace Shop.Auth.Infrastructure;

/// <summary>
/// Every <see cref="SignInCleanupOptions.CleanupInterval"/> (hourly), deletes what no request can use any more:
/// revoked sign-ins and those whose every refresh token has expired (used tokens are kept until then, to recognise
/// a replay), expired codes, code requests older than the rate-limit window, revocations older than any access
/// token, and users who never verified within <see cref="SignInCleanupOptions.UnverifiedUserLifetime"/> and have no
/// live code. Every replica runs it; the deletes are idempotent, so no coordination is needed.
/// </summary>
internal sealed partial class ExpiredSignInCleanup(
    NpgsqlDataSource dataSource, IOptions<SignInCleanupOptions> options, TimeProvider time, ILogger<ExpiredSignInCleanup> logger)
    : BackgroundService
{
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
            DELETE FROM token_revocations WHERE revoked_at <= @revocationsEnd;
            DELETE FROM users u
            WHERE u.email_verified_at IS NULL AND u.created_at <= @unverifiedBefore
              AND NOT EXISTS (SELECT 1 FROM login_codes c WHERE c.user_id = u.id AND c.expires_at > @now);
            """,
            new
            {
                now,
                windowStart = now - RateLimitOptions.CodeRequestWindow,
                revocationsEnd = now - TokenRevocations.Retention,
                unverifiedBefore = now - options.Value.UnverifiedUserLifetime,
            },
            cancellationToken: cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, time);
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

    [LoggerMessage(LogLevel.Warning, "Deleting expired sign-in rows failed (tried again at the next interval): {Reason}")]
    private partial void LogFailed(string reason);
}
