using Dapper;

namespace Shop.Notifications.Tests;

/// <summary>`schedule_requested`: the template at `sendAt`; a later request with the same key replaces a pending one.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class ScheduleTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task A_schedule_replaced_by_key_sends_only_the_last_request_at_its_time()
    {
        var email = NotificationsFixture.NewAddress("schedule");
        var key = $"promo-{Guid.NewGuid():N}";
        var sendAt = DateTimeOffset.UtcNow.AddSeconds(3);
        await RequestAsync(email, key, "First version", sendAt.AddSeconds(10));
        await RequestAsync(email, key, "Second version", sendAt.AddSeconds(10));
        await RequestAsync(email, key, "Final version", sendAt);

        var mail = Assert.Single(await fixture.Mail.WaitForAsync(email, timeout: TimeSpan.FromSeconds(30)));
        Assert.Equal("Final version", mail.Subject);

        await using var database = fixture.OpenDatabase();
        var rows = (await database.QueryAsync<(string Status, DateTime SentAt)>(
            "SELECT status, sent_at FROM mails WHERE recipient = @email", new { email })).ToList();
        var row = Assert.Single(rows);
        Assert.Equal("sent", row.Status);
        Assert.True(new DateTimeOffset(row.SentAt) >= sendAt, "sent before its time");
        Assert.Single(await fixture.MailsAsync(received => received.IsTo(email)));
    }

    private Task RequestAsync(string to, string key, string subject, DateTimeOffset sendAt) =>
        fixture.Events.PublishAsync("notifications", "schedule_requested", new
        {
            to,
            template = "message",
            data = new { subject, body = "Our spring sale starts now." },
            sendAt,
            key,
        });
}
