using Dapper;
using Npgsql;

namespace Shop.Auth.Infrastructure;

/// <summary>A user's tokens older than <see cref="RolesVersion"/> are refused (the roles they carry changed).</summary>
internal sealed record RolesRevocation(Guid UserId, int RolesVersion);

/// <summary>What was revoked since a moment, and the cursor to ask with next time.</summary>
internal sealed record RevocationPage(DateTimeOffset Cursor, IReadOnlyList<Guid> SignIns, IReadOnlyList<RolesRevocation> Users);

/// <summary>
/// What the gateways must refuse: ended sign-ins (revoked, so their refresh tokens stop working, and listed in
/// `token_revocations` in the same statement, so a revoked sign-in is always announced) and changed roles.
/// </summary>
internal static class TokenRevocations
{
    /// <summary>
    /// Rows committed late (a slow transaction) are still seen: the cursor trails the database clock by this much,
    /// so each read repeats the last seconds' revocations, and applying one twice changes nothing.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);

    /// <summary>How long a revocation is kept: past it every access token of the sign-in has expired.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    /// <summary>Revokes the live sign-ins matching <paramref name="condition"/> (SQL on `sign_ins`, parameter `@now` is the revocation time).</summary>
    public static string RevokeWhere(string condition) =>
        $"""
        WITH revoked AS (UPDATE sign_ins SET revoked_at = @now WHERE ({condition}) AND revoked_at IS NULL RETURNING id)
        INSERT INTO token_revocations (sign_in_id) SELECT id FROM revoked
        """;

    /// <summary>Revocations after <paramref name="since"/> (all that are kept when null), at most a page of them.</summary>
    public static async Task<RevocationPage> ReadAsync(NpgsqlDataSource dataSource, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT clock_timestamp() - @overlap;
            SELECT DISTINCT sign_in_id FROM token_revocations
            WHERE sign_in_id IS NOT NULL AND revoked_at > coalesce(@since, clock_timestamp() - @retention);
            SELECT user_id AS UserId, max(roles_version) AS RolesVersion FROM token_revocations
            WHERE user_id IS NOT NULL AND revoked_at > coalesce(@since, clock_timestamp() - @retention)
            GROUP BY user_id;
            """,
            new { since = since?.ToUniversalTime(), overlap = Overlap, retention = Retention },
            cancellationToken: cancellationToken));
        var cursor = await results.ReadSingleAsync<DateTime>();
        var signIns = (await results.ReadAsync<Guid>()).ToList();
        var users = (await results.ReadAsync<RolesRevocation>()).ToList();
        return new RevocationPage(new DateTimeOffset(DateTime.SpecifyKind(cursor, DateTimeKind.Utc)), signIns, users);
    }
}
