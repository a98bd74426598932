using Microsoft.Extensions.Options;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.Infrastructure.Mail;

namespace Shop.Notifications.Sending;

/// <summary>
/// Sends the due rows of `mails` over SMTP with <see cref="NotificationOptions.SendConcurrency"/> workers per
/// replica, each with its own SMTP connection kept open (<see cref="SmtpMailTransport"/>). A worker claims one row
/// under a lease, sends it, and settles it in a short transaction right after the SMTP server's reply.
///
/// Exactly once, and where it stops: the SMTP server's "250 accepted" and our "sent" row cannot commit together.
/// If this process dies after the server accepted the message but before the "sent" update commits (the server's
/// reply plus one UPDATE: a millisecond or two on an idle machine, more under load), the lease runs out and
/// another replica sends the mail again, with the same Message-ID. A crash at any other moment sends nothing twice
/// and loses nothing: before the final "." of DATA the server discards the partial message; after the commit the
/// row is settled. A shutdown (SIGTERM) lets sends in progress finish and settle.
/// </summary>
internal sealed partial class MailSender(
    MailQueue queue,
    SmtpConnector connector,
    MailMessageFactory messages,
    MailDueSignal signal,
    MailFailureReporter failures,
    NotificationMetrics metrics,
    IOptions<NotificationOptions> options,
    ILogger<MailSender> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumIdle = TimeSpan.FromMilliseconds(20);

    private readonly NotificationOptions settings = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, settings.SendConcurrency).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await using var transport = new SmtpMailTransport(connector, messages);
        var claimToken = Guid.NewGuid();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.Next;
            try
            {
                if (await queue.ClaimAsync(claimToken, settings.SendLease, stoppingToken) is { } mail)
                {
                    await SendAsync(transport, mail, claimToken);
                    continue;
                }

                // Sleep until the next row is due, a lease runs out, or a NOTIFY says a new row is pending. A row due
                // now that could not be claimed is being claimed by another sender: do not spin on it.
                var untilNext = await queue.TimeUntilNextDueAsync(stoppingToken) ?? settings.PollInterval;
                var idle = untilNext < MinimumIdle ? MinimumIdle : untilNext > settings.PollInterval ? settings.PollInterval : untilNext;
                await wake.WaitAsync(idle, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
            {
                LogDatabaseUnavailable(exception.Message);
                await Task.Delay(settings.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Not cancelled by shutdown: a send cut off after its final "." would be sent again by another replica.</summary>
    private async Task SendAsync(SmtpMailTransport transport, ClaimedMail mail, Guid claimToken)
    {
        if (mail.Expired)
        {
            LogExpired(mail.Id);
            await queue.MarkExpiredAsync(mail.Id, claimToken);
            return;
        }

        if (mail.Interrupted)
        {
            LogInterrupted(mail.Id, mail.Attempts);
        }

        try
        {
            // Half the lease: a conversation that hangs ends long before another replica may take the row over.
            using var timeout = new CancellationTokenSource(settings.SendLease / 2);
            await transport.SendAsync(mail, timeout.Token);
        }
        catch (Exception exception) when (SmtpFailure.IsPermanent(exception))
        {
            var reason = SmtpFailure.Describe(exception);
            await queue.MarkFailedAsync(mail.Id, claimToken, reason);
            metrics.Failed();
            await failures.ReportAsync(mail, reason);
            return;
        }
        catch (Exception exception)
        {
            // Refused for now (4xx), unreachable, timed out, or anything unforeseen: try again later, never drop it.
            var delay = RetryBackoff.After(mail.Attempts, settings.MaxRetryDelay);
            var reason = SmtpFailure.Describe(exception);
            if (SmtpFailure.IsConfiguration(exception))
            {
                LogMisconfigured(mail.Id, reason, delay);
            }
            else
            {
                LogRetry(mail.Id, mail.Attempts, reason, delay);
            }

            await queue.RetryLaterAsync(mail.Id, claimToken, delay, reason);
            metrics.Retried();
            return;
        }

        await SettleSentAsync(mail, claimToken);
    }

    /// <summary>
    /// The mail is out: record it before anything else. If the database is briefly unreachable, keep trying while
    /// the lease holds; sending again is what another replica would do once it runs out.
    /// </summary>
    private async Task SettleSentAsync(ClaimedMail mail, Guid claimToken)
    {
        var deadline = DateTime.UtcNow + settings.SendLease;
        while (true)
        {
            try
            {
                if (!await queue.MarkSentAsync(mail.Id, claimToken))
                {
                    LogLeaseLost(mail.Id);
                }

                metrics.Sent();
                return;
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException && DateTime.UtcNow < deadline)
            {
                LogDatabaseUnavailable(exception.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Mail {MailId}: the previous attempt was interrupted (attempt {Attempt}); sending again with the same Message-ID")]
    private partial void LogInterrupted(Guid mailId, int attempt);

    [LoggerMessage(LogLevel.Warning, "Mail {MailId}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    private partial void LogRetry(Guid mailId, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(LogLevel.Error, "Mail {MailId} not sent, the SMTP configuration is wrong ({Reason}): check ConnectionStrings__mail; retrying in {Delay}")]
    private partial void LogMisconfigured(Guid mailId, string reason, TimeSpan delay);

    [LoggerMessage(LogLevel.Information, "Mail {MailId} expired before it could be sent")]
    private partial void LogExpired(Guid mailId);

    [LoggerMessage(LogLevel.Error, "Mail {MailId} was sent after its lease ran out; another replica may send it too")]
    private partial void LogLeaseLost(Guid mailId);

    [LoggerMessage(LogLevel.Warning, "Mail database unavailable ({Reason})")]
    private partial void LogDatabaseUnavailable(string reason);
}
