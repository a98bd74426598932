using Dapper;
using Npgsql;

namespace Shop.Notifications.Infrastructure;

/// <summary>
/// Writes what events ask for as rows of `mails`, inside the transaction that records the event id, so an event
/// has its effect exactly once however often it is delivered. Sending is <see cref="MailQueue"/>'s job.
/// </summary>
internal static class MailRequests
{
    /// <summary>A one-off mail for an event (at most one per event and template).</summary>
    public static Task EnqueueAsync(NpgsqlTransaction transaction, NewMail mail, CancellationToken cancellationToken) =>
        Execute(transaction, """
            INSERT INTO mails (id, event_id, event, template, recipient, subject, text_body, html_body, due_at, expires_at)
            VALUES (@Id, @EventId, @Event::jsonb, @Template, @Recipient, @Subject, @Text, @Html, COALESCE(@DueAt, now()), @ExpiresAt)
            ON CONFLICT (event_id, template) DO NOTHING
            """, Parameters(mail), cancellationToken);

    /// <summary>
    /// Arms the mail for <paramref name="replaceKey"/>, replacing a pending one. A mail already being sent or sent
    /// stays as it is and this one is added. Ignored when a newer change of the key was seen already.
    /// </summary>
    public static async Task ReplaceAsync(NpgsqlTransaction transaction, string replaceKey, DateTimeOffset changedAt, NewMail mail, CancellationToken cancellationToken)
    {
        if (!await AdvanceAsync(transaction, replaceKey, changedAt, mail.Event.Id, cancellationToken))
        {
            return;
        }

        var parameters = Parameters(mail);
        parameters.Add("ReplaceKey", replaceKey);
        await Execute(transaction, """
            INSERT INTO mails (id, event_id, event, replace_key, template, recipient, subject, text_body, html_body, due_at, expires_at)
            VALUES (@Id, @EventId, @Event::jsonb, @ReplaceKey, @Template, @Recipient, @Subject, @Text, @Html, COALESCE(@DueAt, now()), @ExpiresAt)
            ON CONFLICT (replace_key) WHERE status = 'pending' DO UPDATE SET
                event_id = excluded.event_id, event = excluded.event, template = excluded.template, recipient = excluded.recipient,
                subject = excluded.subject, text_body = excluded.text_body, html_body = excluded.html_body,
                due_at = excluded.due_at, expires_at = excluded.expires_at, attempts = 0, last_error = NULL
            """, parameters, cancellationToken);
    }

    /// <summary>Cancels the pending mail for <paramref name="replaceKey"/>, unless a newer change of the key was seen already.</summary>
    public static async Task CancelAsync(NpgsqlTransaction transaction, string replaceKey, DateTimeOffset changedAt, Guid eventId, CancellationToken cancellationToken)
    {
        if (await AdvanceAsync(transaction, replaceKey, changedAt, eventId, cancellationToken))
        {
            await Execute(
                transaction,
                "UPDATE mails SET status = 'cancelled' WHERE replace_key = @replaceKey AND status = 'pending'",
                new DynamicParameters(new { replaceKey }),
                cancellationToken);
        }
    }

    /// <summary>
    /// Records (changedAt, eventId) as the key's newest change; false when a newer one is already recorded.
    /// Replicas handle events concurrently, so an older cart change may commit after a newer one; the row lock
    /// taken here also serialises the changes of one key.
    /// </summary>
    private static async Task<bool> AdvanceAsync(NpgsqlTransaction transaction, string replaceKey, DateTimeOffset changedAt, Guid eventId, CancellationToken cancellationToken)
    {
        var advanced = await transaction.Connection!.ExecuteScalarAsync<int?>(new CommandDefinition(
            """
            INSERT INTO notification_keys (replace_key, changed_at, event_id) VALUES (@replaceKey, @changedAt, @eventId)
            ON CONFLICT (replace_key) DO UPDATE SET changed_at = excluded.changed_at, event_id = excluded.event_id
                WHERE (notification_keys.changed_at, notification_keys.event_id) < (excluded.changed_at, excluded.event_id)
            RETURNING 1
            """,
            new { replaceKey, changedAt = changedAt.ToUniversalTime(), eventId },
            transaction,
            cancellationToken: cancellationToken));
        return advanced is not null;
    }

    private static DynamicParameters Parameters(NewMail mail) => new(new
    {
        mail.Id,
        EventId = mail.Event.Id,
        Event = mail.EventJson,
        mail.Template,
        mail.Recipient,
        mail.Content.Subject,
        mail.Content.Text,
        mail.Content.Html,
        DueAt = mail.DueAt?.ToUniversalTime(),
        ExpiresAt = mail.ExpiresAt?.ToUniversalTime(),
    });

    private static Task Execute(NpgsqlTransaction transaction, string sql, DynamicParameters parameters, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
}
