using Dapper;
using Npgsql;

namespace Shop.Notifications.Infrastructure;

/// <summary>
/// The sender's side of `mails`: claim a due row under a lease, then settle it. Every statement is its own short
/// transaction, so no row lock is held across an SMTP conversation, and a crashed replica's lease simply runs out.
/// </summary>
internal sealed class MailQueue(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The oldest due mail nobody holds (SKIP LOCKED: replicas never wait for each other), or one whose holder's
    /// lease ran out; null when none is due.
    /// </summary>
    public async Task<ClaimedMail?> ClaimAsync(Guid claimToken, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ClaimedMail>(new CommandDefinition(
            """
            WITH due AS (
                SELECT id, status AS previous_status FROM mails
                WHERE (status = 'pending' AND due_at <= now()) OR (status = 'sending' AND lease_until <= now())
                ORDER BY due_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            UPDATE mails SET status = 'sending', lease_until = now() + @lease, claim_token = @claimToken, attempts = mails.attempts + 1
            FROM due
            WHERE mails.id = due.id
            RETURNING mails.id, mails.recipient, mails.subject, mails.text_body AS TextBody, mails.html_body AS HtmlBody, mails.attempts,
                due.previous_status = 'sending' AS interrupted, COALESCE(mails.expires_at < now(), false) AS expired
            """,
            new { claimToken, lease },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// A sign-in code is not kept once its mail is settled (sent, expired or failed for good): the row keeps who got
    /// which kind of mail and when, but neither the code in the rendered parts nor the sealed code in the event.
    /// </summary>
    private const string ForgetSignInCode =
        """
        subject = CASE WHEN template = 'login_code' THEN 'Shop sign-in code (removed once settled)' ELSE subject END,
        text_body = CASE WHEN template = 'login_code' THEN '' ELSE text_body END,
        html_body = CASE WHEN template = 'login_code' THEN '' ELSE html_body END,
        event = CASE WHEN template = 'login_code' THEN event #- '{data,encryptedCode}' #- '{data,code}' ELSE event END
        """;

    public Task<bool> MarkSentAsync(Guid id, Guid claimToken) =>
        SettleAsync(id, claimToken, $"status = 'sent', sent_at = now(), last_error = NULL, {ForgetSignInCode}", new DynamicParameters());

    public Task<bool> MarkExpiredAsync(Guid id, Guid claimToken) =>
        SettleAsync(id, claimToken, $"status = 'expired', {ForgetSignInCode}", new DynamicParameters());

    public Task<bool> MarkFailedAsync(Guid id, Guid claimToken, string error) =>
        SettleAsync(id, claimToken, $"status = 'failed', last_error = @error, {ForgetSignInCode}", new DynamicParameters(new { error }));

    public Task<bool> RetryLaterAsync(Guid id, Guid claimToken, TimeSpan delay, string error) =>
        SettleAsync(id, claimToken, "status = 'pending', due_at = now() + @delay, last_error = @error", new DynamicParameters(new { delay, error }));

    /// <summary>How long until the next pending mail is due or a lease runs out; null when nothing waits.</summary>
    public async Task<TimeSpan?> TimeUntilNextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var untilNext = await connection.ExecuteScalarAsync<TimeSpan?>(new CommandDefinition(
            """
            SELECT LEAST(
                (SELECT min(due_at) FROM mails WHERE status = 'pending'),
                (SELECT min(lease_until) FROM mails WHERE status = 'sending')) - now()
            """,
            cancellationToken: cancellationToken));
        return untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext;
    }

    public async Task<long> CountSentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM mails WHERE status = 'sent'", cancellationToken: cancellationToken));
    }

    /// <summary>Ends the lease with <paramref name="changes"/>; false when the lease was lost (another replica took the row over).</summary>
    private async Task<bool> SettleAsync(Guid id, Guid claimToken, string changes, DynamicParameters parameters)
    {
        parameters.AddDynamicParams(new { id, claimToken });
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(
            $"UPDATE mails SET {changes}, lease_until = NULL, claim_token = NULL WHERE id = @id AND claim_token = @claimToken",
            parameters) == 1;
    }
}
