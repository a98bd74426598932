using Npgsql;

namespace Shop.Notifications.Sending;

/// <summary>
/// LISTENs on `mail_due` (a trigger NOTIFYs when a pending row commits, from any replica) and pulses the senders,
/// so a sign-in code goes out within milliseconds instead of at the next poll.
/// </summary>
internal sealed partial class MailDueListener(NpgsqlDataSource dataSource, MailDueSignal signal, ILogger<MailDueListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Pulse();
                await using (var listen = new NpgsqlCommand("LISTEN mail_due", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Rows committed while nobody listened would otherwise wait for the next poll.
                signal.Pulse();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
            {
                LogListenFailed(exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Listening for due mails failed ({Reason}); senders poll until it is back")]
    private partial void LogListenFailed(string reason);
}
