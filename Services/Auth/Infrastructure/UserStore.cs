using Dapper;
using Npgsql;

namespace Shop.Auth.Infrastructure;

/// <summary>Reads and changes users outside of signing in: profile, roles, avatar, totals.</summary>
internal sealed class UserStore(NpgsqlDataSource dataSource)
{
    private const string UserColumns =
        """
        id AS Id, email AS Email, roles AS Roles, roles_version AS RolesVersion, email_verified_at AS EmailVerifiedAt,
        avatar_key AS AvatarKey, avatar_content_type AS AvatarContentType, created_at AS CreatedAt
        """;

    private const string SelectUser = $"SELECT {UserColumns} FROM users";

    public async Task<UserRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
            $"{SelectUser} WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The user as seen inside a sign-in transaction (tokens carry what that transaction commits).</summary>
    public static Task<UserRecord> GetAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<UserRecord>(new CommandDefinition(
            $"{SelectUser} WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Replaces the stored roles and moves the user to a new roles version, announced to the gateways, so no
    /// earlier token (carrying the old roles) is honoured any more; null when there is no such user. The user's
    /// sign-ins stay: a refresh gives a token with the new roles.
    /// </summary>
    public async Task<UserRecord?> SetRolesAsync(Guid id, string[] roles, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
            $"""
            WITH changed AS (
                UPDATE users SET roles = @roles, roles_version = roles_version + 1 WHERE id = @id RETURNING {UserColumns}
            ), announced AS (
                INSERT INTO token_revocations (user_id, roles_version) SELECT Id, RolesVersion FROM changed
            )
            SELECT * FROM changed
            """,
            new { id, roles },
            cancellationToken: cancellationToken));
    }

    /// <summary>Points the user at a new avatar object (null to remove it); returns the key it replaced.</summary>
    public async Task<(bool Found, string? PreviousKey)> SetAvatarAsync(Guid id, string? key, string? contentType, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var replaced = await connection.QuerySingleOrDefaultAsync<ReplacedAvatar>(new CommandDefinition(
            """
            UPDATE users SET avatar_key = @key, avatar_content_type = @contentType
            FROM (SELECT id, avatar_key FROM users WHERE id = @id FOR UPDATE) AS previous
            WHERE users.id = previous.id
            RETURNING previous.id AS UserId, previous.avatar_key AS PreviousKey
            """,
            new { id, key, contentType },
            cancellationToken: cancellationToken));
        return replaced is null ? (false, null) : (true, replaced.PreviousKey);
    }

    /// <summary>Users, and those who completed a sign-in at least once.</summary>
    public async Task<(long Users, long VerifiedUsers)> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            "SELECT count(*), count(email_verified_at) FROM users", cancellationToken: cancellationToken));
    }

    private sealed record ReplacedAvatar(Guid UserId, string? PreviousKey);
}
