using Dapper;
using Shop.Testing;

namespace Shop.Notifications.Tests;

/// <summary>Two replicas share the one durable consumer and the one `mails` table: every event gives exactly one mail.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class ExactlyOnceTests(NotificationsFixture fixture)
{
    private const int Events = 200;

    [Fact]
    public async Task Two_replicas_send_exactly_one_mail_per_event()
    {
        var run = NotificationsFixture.NewRun();
        await PublishWelcomesAsync(run);

        await WaitUntilAllSentAsync(run);
        await AssertExactlyOneMailEachAsync(run);
    }

    /// <summary>
    /// kill -9 of a replica while it holds claimed rows and SMTP conversations in flight. The relay holds client data
    /// for the moment of the kill, so no mail of that replica sits in the unavoidable window between maildev's
    /// "250 accepted" and the commit of "sent" (see MailSender): that window, and only it, can give a second copy.
    /// </summary>
    [Fact]
    public async Task A_replica_killed_mid_batch_and_restarted_still_sends_exactly_one_mail_per_event()
    {
        var run = NotificationsFixture.NewRun();
        var victim = fixture.NotificationReplicas[0];
        await PublishWelcomesAsync(run);
        await Eventually.GetAsync(() => CountMailsAsync(run), count => count >= 20, TimeSpan.FromSeconds(60), "first mails of the batch");

        await fixture.Relay.HoldAsync();
        int inFlight;
        try
        {
            // Mails maildev accepted just before the hold get their 250 and are committed within milliseconds (and
            // listed by maildev a moment later): wait until both counts agree and have not moved for half a second.
            var last = (Received: -1, Sent: -1);
            var unchangedSince = DateTime.UtcNow;
            await Eventually.GetAsync(
                async () =>
                {
                    var counts = (Received: await CountMailsAsync(run), Sent: (await fixture.StatusesAsync(Like(run)))["sent"]);
                    (last, unchangedSince) = counts == last ? (last, unchangedSince) : (counts, DateTime.UtcNow);
                    return counts.Received == counts.Sent && DateTime.UtcNow - unchangedSince >= TimeSpan.FromMilliseconds(500);
                },
                settled => settled,
                TimeSpan.FromSeconds(30),
                "received mails all recorded as sent");
            var statuses = await fixture.StatusesAsync(Like(run));
            Assert.True(statuses["sent"] < Events, "the batch ended before the kill; the test would prove nothing");
            inFlight = statuses["sending"];
            await victim.KillAsync();
        }
        finally
        {
            fixture.Relay.Release();
        }

        Assert.True(inFlight > 0, "no mail was being sent at the kill");
        await victim.StartAsync();

        await WaitUntilAllSentAsync(run);
        await AssertExactlyOneMailEachAsync(run);
        await using var database = fixture.OpenDatabase();
        Assert.True(
            await database.ExecuteScalarAsync<int>("SELECT count(*) FROM mails WHERE recipient LIKE @like AND attempts > 1", new { like = Like(run) }) > 0,
            "no mail was taken over after the kill");
    }

    private async Task PublishWelcomesAsync(string run)
    {
        for (var index = 0; index < Events; index++)
        {
            await fixture.Events.PublishAsync("auth", "user_registered", new { userId = Guid.NewGuid(), email = Address(run, index) });
        }
    }

    private Task WaitUntilAllSentAsync(string run) =>
        Eventually.GetAsync(
            () => fixture.StatusesAsync(Like(run)),
            statuses => statuses["sent"] == Events && statuses.Counts.Count == 1,
            TimeSpan.FromSeconds(120),
            $"all {Events} mails recorded as sent");

    /// <summary>
    /// Every row is settled as sent, so nothing can be sent again; maildev lists a mail a moment after accepting
    /// it, so wait until it lists them all, then every recipient must have exactly one.
    /// </summary>
    private async Task AssertExactlyOneMailEachAsync(string run)
    {
        await Eventually.GetAsync(() => CountMailsAsync(run), count => count >= Events, TimeSpan.FromSeconds(30), "maildev listing every mail");
        var mails = await fixture.MailsAsync(mail => mail.To.Any(to => to.Address.Contains(run, StringComparison.Ordinal)));
        var perRecipient = mails.GroupBy(mail => mail.To.Single().Address).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(Enumerable.Range(0, Events).Select(index => Address(run, index)).Order(), perRecipient.Keys.Order());
        Assert.All(perRecipient, pair => Assert.Equal(1, pair.Value));
    }

    private async Task<int> CountMailsAsync(string run) =>
        (await fixture.MailsAsync(mail => mail.To.Any(to => to.Address.Contains(run, StringComparison.Ordinal)))).Count;

    private static string Address(string run, int index) => $"user{index}-{run}@example.test";

    private static string Like(string run) => $"%-{run}@example.test";
}
