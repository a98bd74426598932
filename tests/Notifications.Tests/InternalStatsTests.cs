using System.Net;
using System.Net.Http.Json;
using Dapper;
using Shop.Testing;

namespace Shop.Notifications.Tests;

/// <summary>`GET /internal/stats` on a replica: the mails sent by every replica; never routed by the gateway.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class InternalStatsTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Each_replica_reports_the_mails_sent_by_all_and_the_gateway_does_not_route_it()
    {
        var email = NotificationsFixture.NewAddress("stats");
        await fixture.Events.PublishAsync("auth", "user_registered", new { userId = Guid.NewGuid(), email });
        await fixture.Mail.WaitForAsync(email);

        using var http = new HttpClient();
        await using var database = fixture.OpenDatabase();
        foreach (var replica in fixture.NotificationReplicas)
        {
            // Other tests' retries may still be settling: equal at some moment, not necessarily the first.
            await Eventually.GetAsync(
                async () => (Reported: (await http.GetFromJsonAsync<Stats>(new Uri($"{replica.Url}/internal/stats")))!.MailsSent,
                    Stored: await database.ExecuteScalarAsync<long>("SELECT count(*) FROM mails WHERE status = 'sent'")),
                counts => counts.Reported == counts.Stored && counts.Reported > 0,
                TimeSpan.FromSeconds(10),
                $"{replica.Name} reporting the sent mails");
        }

        using var response = await fixture.Gateway.GetAsync(new Uri("/internal/stats", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed record Stats(long MailsSent);
}
