using Dapper;
using Shop.Testing;

namespace Shop.Notifications.Tests;

/// <summary>While the SMTP server is down, mails wait and are retried with backoff; they all arrive once it is back.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class SmtpOutageTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Mails_refused_while_the_sink_is_down_arrive_once_it_returns()
    {
        var run = NotificationsFixture.NewRun();
        var addresses = Enumerable.Range(0, 5).Select(index => $"outage{index}-{run}@example.test").ToList();
        var like = $"%-{run}@example.test";

        await fixture.Stack.Mail.StopAsync();
        try
        {
            foreach (var email in addresses)
            {
                await fixture.Events.PublishAsync("orders", "order_shipped", new { orderId = Guid.NewGuid(), userId = Guid.NewGuid(), email, status = "shipped", items = Array.Empty<object>(), total = 10m });
            }

            // Every mail was tried, refused, and put back to wait: nothing is lost or given up.
            await Eventually.GetAsync(
                () => FailedAttemptsAsync(like),
                tried => tried == addresses.Count,
                TimeSpan.FromSeconds(60),
                "mails tried and refused while the sink is down");
            Assert.Equal(0, (await fixture.StatusesAsync(like))["sent"]);
        }
        finally
        {
            await fixture.Stack.Mail.StartAsync();
        }

        foreach (var email in addresses)
        {
            Assert.Single(await fixture.Mail.WaitForAsync(email, timeout: TimeSpan.FromSeconds(60)));
        }

        await Eventually.GetAsync(() => fixture.StatusesAsync(like), statuses => statuses["sent"] == addresses.Count, TimeSpan.FromSeconds(30), "all recorded as sent");
        foreach (var email in addresses)
        {
            Assert.Single(await fixture.MailsAsync(mail => mail.IsTo(email)));
        }
    }

    private async Task<int> FailedAttemptsAsync(string like)
    {
        await using var database = fixture.OpenDatabase();
        return await database.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM mails WHERE recipient LIKE @like AND status = 'pending' AND attempts > 0 AND last_error IS NOT NULL",
            new { like });
    }
}
