using Dapper;
using Npgsql;

namespace Shop.Auth.Infrastructure;

/// <summary>A user's live sign-in code, locked for the verifying transaction.</summary>
internal sealed record PendingCode(Guid UserId, byte[] CodeHash, byte[] Salt, DateTime ExpiresAt, int FailedAttempts);

/// <summary>A presented refresh token and the sign-in it belongs to, locked for the refreshing transaction.</summary>
internal sealed record PresentedRefreshToken(Guid SignInId, Guid UserId, DateTime ExpiresAt, DateTime? UsedAt, DateTime? RevokedAt);

/// <summary>The SQL of signing in: code requests, codes, sign-ins and their refresh tokens. Every call runs in the caller's transaction.</summary>
internal static class SignInStore
{
    /// <summary>The user's id, creating the user when new; the row stays locked so one e-mail's code requests run one at a time across replicas.</summary>
    public static async Task<Guid> LockOrCreateUserAsync(NpgsqlTransaction transaction, string email, CancellationToken cancellationToken)
    {
        await Connection(transaction).ExecuteAsync(Command(
            "INSERT INTO users (id, email) VALUES (@id, @email) ON CONFLICT (email) DO NOTHING",
            new { id = Guid.CreateVersion7(), email },
            transaction,
            cancellationToken));
        return await Connection(transaction).QuerySingleAsync<Guid>(Command(
            "SELECT id FROM users WHERE email = @email FOR UPDATE", new { email }, transaction, cancellationToken));
    }

    /// <summary>
    /// When codes were requested for <paramref name="mailbox"/> (any address reaching it) since <paramref name="since"/>,
    /// oldest first. Holds the mailbox's lock until the transaction ends, so requests through different tags of one
    /// mailbox are counted one at a time across replicas.
    /// </summary>
    public static async Task<IReadOnlyList<DateTime>> RecentCodeRequestsAsync(NpgsqlTransaction transaction, string mailbox, DateTime since, CancellationToken cancellationToken)
    {
        await Connection(transaction).ExecuteAsync(Command(
            "SELECT pg_advisory_xact_lock(hashtextextended(@mailbox, 19))", new { mailbox }, transaction, cancellationToken));
        var requests = await Connection(transaction).QueryAsync<DateTime>(Command(
            "SELECT requested_at FROM login_code_requests WHERE mailbox = @mailbox AND requested_at > @since ORDER BY requested_at",
            new { mailbox, since },
            transaction,
            cancellationToken));
        return requests.ToList();
    }

    /// <summary>Records the request and stores the new code in place of any earlier one.</summary>
    public static Task StoreCodeAsync(
        NpgsqlTransaction transaction, Guid userId, string mailbox, byte[] codeHash, byte[] salt, DateTime requestedAt, DateTime expiresAt, CancellationToken cancellationToken) =>
        Connection(transaction).ExecuteAsync(Command(
            """
            INSERT INTO login_code_requests (user_id, mailbox, requested_at) VALUES (@userId, @mailbox, @requestedAt);
            INSERT INTO login_codes (user_id, code_hash, salt, expires_at, failed_attempts)
            VALUES (@userId, @codeHash, @salt, @expiresAt, 0)
            ON CONFLICT (user_id) DO UPDATE
                SET code_hash = excluded.code_hash, salt = excluded.salt, expires_at = excluded.expires_at, failed_attempts = 0
            """,
            new { userId, mailbox, codeHash, salt, requestedAt, expiresAt },
            transaction,
            cancellationToken));

    public static Task<PendingCode?> FindCodeForUpdateAsync(NpgsqlTransaction transaction, string email, CancellationToken cancellationToken) =>
        Connection(transaction).QuerySingleOrDefaultAsync<PendingCode>(Command(
            """
            SELECT c.user_id AS UserId, c.code_hash AS CodeHash, c.salt AS Salt, c.expires_at AS ExpiresAt, c.failed_attempts AS FailedAttempts
            FROM login_codes c JOIN users u ON u.id = c.user_id
            WHERE u.email = @email
            FOR UPDATE OF c
            """,
            new { email },
            transaction,
            cancellationToken));

    public static Task DeleteCodeAsync(NpgsqlTransaction transaction, Guid userId, CancellationToken cancellationToken) =>
        Connection(transaction).ExecuteAsync(Command("DELETE FROM login_codes WHERE user_id = @userId", new { userId }, transaction, cancellationToken));

    public static Task CountFailedAttemptAsync(NpgsqlTransaction transaction, Guid userId, CancellationToken cancellationToken) =>
        Connection(transaction).ExecuteAsync(Command(
            "UPDATE login_codes SET failed_attempts = failed_attempts + 1 WHERE user_id = @userId", new { userId }, transaction, cancellationToken));

    /// <summary>Marks the e-mail verified; true only the first time.</summary>
    public static async Task<bool> MarkVerifiedAsync(NpgsqlTransaction transaction, Guid userId, DateTime now, CancellationToken cancellationToken) =>
        await Connection(transaction).ExecuteAsync(Command(
            "UPDATE users SET email_verified_at = @now WHERE id = @userId AND email_verified_at IS NULL", new { userId, now }, transaction, cancellationToken)) == 1;

    /// <summary>Starts a sign-in (a family of refresh tokens) with its first token; returns its id (the tokens' `sid`).</summary>
    public static async Task<Guid> StartSignInAsync(NpgsqlTransaction transaction, Guid userId, byte[] tokenHash, DateTime now, DateTime expiresAt, CancellationToken cancellationToken)
    {
        var signInId = Guid.CreateVersion7();
        await Connection(transaction).ExecuteAsync(Command(
            "INSERT INTO sign_ins (id, user_id, created_at) VALUES (@signInId, @userId, @now)", new { signInId, userId, now }, transaction, cancellationToken));
        await AddRefreshTokenAsync(transaction, signInId, tokenHash, expiresAt, cancellationToken);
        return signInId;
    }

    public static Task<PresentedRefreshToken?> FindRefreshTokenForUpdateAsync(NpgsqlTransaction transaction, byte[] tokenHash, CancellationToken cancellationToken) =>
        Connection(transaction).QuerySingleOrDefaultAsync<PresentedRefreshToken>(Command(
            """
            SELECT t.sign_in_id AS SignInId, s.user_id AS UserId, t.expires_at AS ExpiresAt, t.used_at AS UsedAt, s.revoked_at AS RevokedAt
            FROM refresh_tokens t JOIN sign_ins s ON s.id = t.sign_in_id
            WHERE t.token_hash = @tokenHash
            FOR UPDATE OF t, s
            """,
            new { tokenHash },
            transaction,
            cancellationToken));

    /// <summary>Marks the presented token used and adds its successor to the same sign-in.</summary>
    public static async Task RotateRefreshTokenAsync(
        NpgsqlTransaction transaction, byte[] usedHash, Guid signInId, byte[] newHash, DateTime now, DateTime expiresAt, CancellationToken cancellationToken)
    {
        await Connection(transaction).ExecuteAsync(Command(
            "UPDATE refresh_tokens SET used_at = @now WHERE token_hash = @usedHash", new { usedHash, now }, transaction, cancellationToken));
        await AddRefreshTokenAsync(transaction, signInId, newHash, expiresAt, cancellationToken);
    }

    public static Task RevokeSignInAsync(NpgsqlTransaction transaction, Guid signInId, DateTime now, CancellationToken cancellationToken) =>
        Connection(transaction).ExecuteAsync(Command(
            TokenRevocations.RevokeWhere("id = @signInId"), new { signInId, now }, transaction, cancellationToken));

    /// <summary>Logout: revokes the sign-in the token belongs to (no effect for an unknown token).</summary>
    public static Task RevokeSignInOfTokenAsync(NpgsqlConnection connection, byte[] tokenHash, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command(
            TokenRevocations.RevokeWhere("id = (SELECT sign_in_id FROM refresh_tokens WHERE token_hash = @tokenHash)"),
            new { tokenHash, now },
            transaction: null,
            cancellationToken));

    private static Task AddRefreshTokenAsync(NpgsqlTransaction transaction, Guid signInId, byte[] tokenHash, DateTime expiresAt, CancellationToken cancellationToken) =>
        Connection(transaction).ExecuteAsync(Command(
            "INSERT INTO refresh_tokens (token_hash, sign_in_id, expires_at) VALUES (@tokenHash, @signInId, @expiresAt)",
            new { tokenHash, signInId, expiresAt },
            transaction,
            cancellationToken));

    private static NpgsqlConnection Connection(NpgsqlTransaction transaction) => transaction.Connection!;

    private static CommandDefinition Command(string sql, object parameters, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
