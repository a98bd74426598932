using System.Text.Json;
using Dapper;
using Npgsql;
using Shop.Messaging;
using NATS.Client.Core;
using Shop.Notifications.Infrastructure;

namespace Shop.Notifications.Sending;

/// <summary>
/// A mail the SMTP server refused for good is already recorded (`failed`, with the reason); this also puts the
/// event that asked for it on the dead letters, where operators look for what the system gave up on.
/// </summary>
internal sealed partial class MailFailureReporter(NpgsqlDataSource dataSource, DeadLetters deadLetters, ILogger<MailFailureReporter> logger)
{
    /// <summary>The durable consumer's name: dead letters say who gave up.</summary>
    public const string Consumer = "notifications";

    public async Task ReportAsync(ClaimedMail mail, string reason)
    {
        LogFailed(mail.Id, reason);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            var json = await connection.ExecuteScalarAsync<string>("SELECT event::text FROM mails WHERE id = @id", new { id = mail.Id })
                ?? throw new JsonException($"mail {mail.Id} has no event");
            var envelope = JsonSerializer.Deserialize<CloudEvent>(json) ?? throw new JsonException($"mail {mail.Id} has a null event");
            await deadLetters.PublishAsync(envelope, JsonSerializer.SerializeToUtf8Bytes(envelope), Consumer, $"mail {mail.Id} failed: {reason}", CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or NatsException or TimeoutException or JsonException)
        {
            LogDeadLetterFailed(mail.Id, exception.Message);
        }
    }

    [LoggerMessage(LogLevel.Error, "Mail {MailId} failed for good: {Reason}")]
    private partial void LogFailed(Guid mailId, string reason);

    [LoggerMessage(LogLevel.Error, "Mail {MailId} is recorded as failed but could not be dead-lettered: {Reason}")]
    private partial void LogDeadLetterFailed(Guid mailId, string reason);
}
