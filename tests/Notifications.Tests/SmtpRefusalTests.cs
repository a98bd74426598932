using Dapper;
using Shop.Messaging;
using Shop.Testing;

namespace Shop.Notifications.Tests;

/// <summary>
/// A server that refuses a recipient: for good (5xx) the mail is recorded as failed and its event dead-lettered,
/// never retried; for now (4xx, e.g. greylisting) it is retried and arrives. The relay gives the SMTP replies
/// maildev cannot (it accepts every recipient).
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class SmtpRefusalTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task A_recipient_refused_for_good_is_recorded_as_failed_and_dead_lettered_without_retries()
    {
        var email = NotificationsFixture.NewAddress("refused");
        fixture.Relay.RecipientReply = address => address == email ? "550 5.1.1 User unknown" : null;
        try
        {
            var request = await ScheduleAsync(email);

            var deadLetter = await Eventually.GetAsync(
                () => fixture.FindDeadLetterAsync(request.Id),
                found => found is not null,
                TimeSpan.FromSeconds(30),
                $"dead letter for {request.Id}");
            Assert.Contains("550", deadLetter!.Headers?[DeadLetters.ReasonHeader].ToString(), StringComparison.Ordinal);

            await using var database = fixture.OpenDatabase();
            var row = await database.QuerySingleAsync<(string Status, int Attempts, string LastError)>(
                "SELECT status, attempts, last_error FROM mails WHERE event_id = @id", new { id = request.Id });
            Assert.Equal("failed", row.Status);
            Assert.Equal(1, row.Attempts);
            Assert.Contains("550", row.LastError, StringComparison.Ordinal);
            Assert.Empty(await fixture.MailsAsync(mail => mail.IsTo(email)));
        }
        finally
        {
            fixture.Relay.RecipientReply = _ => null;
        }
    }

    [Fact]
    public async Task A_recipient_refused_for_now_is_retried_and_the_mail_arrives()
    {
        var email = NotificationsFixture.NewAddress("greylisted");
        var refusals = 0;
        fixture.Relay.RecipientReply = address => address == email && Interlocked.Increment(ref refusals) == 1 ? "451 4.7.1 Greylisted, try again later" : null;
        try
        {
            var request = await ScheduleAsync(email);

            Assert.Single(await fixture.Mail.WaitForAsync(email, timeout: TimeSpan.FromSeconds(30)));
            await using var database = fixture.OpenDatabase();
            var row = await Eventually.GetAsync(
                () => database.QuerySingleAsync<(string Status, int Attempts)>("SELECT status, attempts FROM mails WHERE event_id = @id", new { id = request.Id }),
                found => found.Status == "sent",
                TimeSpan.FromSeconds(10),
                "recorded as sent");
            Assert.Equal(2, row.Attempts);
        }
        finally
        {
            fixture.Relay.RecipientReply = _ => null;
        }
    }

    private Task<CloudEvent> ScheduleAsync(string to) =>
        fixture.Events.PublishAsync("notifications", "schedule_requested", new
        {
            to,
            template = "message",
            data = new { subject = "Your invoice", body = "Attached soon." },
            sendAt = DateTimeOffset.UtcNow,
            key = (string?)null,
        });
}
