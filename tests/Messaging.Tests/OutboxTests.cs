using System.Text.Json;
using Dapper;
using Shop.Testing;

namespace Shop.Messaging.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class OutboxTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Committed_events_are_published_once_with_their_id_and_rolled_back_ones_never()
    {
        var source = Names.Source();
        await using var host = await MessagingHost.StartAsync(fixture.Stack, source, Names.Database(), consume: false);
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);

        var committed = await host.EnqueueAsync(commit: true, new ThingHappened("kept", 1), new ThingHappened("kept", 2));
        await host.EnqueueAsync(commit: false, new ThingHappened("discarded", 3));

        var messages = await probe.ReadAsync(EventSubjects.Stream, $"msg.{source}.>", atLeast: 2);
        Assert.Equal(committed.Select(id => id.ToString()), messages.Select(message => message.Headers!["Nats-Msg-Id"].ToString()));
        var envelope = JsonDocument.Parse(messages[0].Data).RootElement;
        Assert.Equal("1.0", envelope.GetProperty("specversion").GetString());
        Assert.Equal($"shop.{source}.thing_happened", envelope.GetProperty("type").GetString());
        Assert.Equal(source, envelope.GetProperty("source").GetString());
        Assert.Equal("application/json", envelope.GetProperty("datacontenttype").GetString());
        Assert.Equal(1, envelope.GetProperty("data").GetProperty("number").GetInt32());
        Assert.All(messages, message => Assert.Equal($"msg.{source}.thing_happened", message.Subject));
    }

    [Fact]
    public async Task Events_written_while_nats_is_down_are_published_once_after_it_returns()
    {
        var source = Names.Source();
        await using var host = await MessagingHost.StartAsync(fixture.Stack, source, Names.Database(), consume: false);

        await fixture.Stack.Nats.KillAsync();
        Guid[] written;
        try
        {
            written = await host.EnqueueAsync(commit: true, Enumerable.Range(0, 20).Select(number => new ThingHappened("offline", number)).ToArray());
            await Task.Delay(1000); // the relay tries, fails and backs off meanwhile
        }
        finally
        {
            await fixture.Stack.Nats.StartAsync();
        }

        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);
        var messages = await probe.ReadAsync(EventSubjects.Stream, $"msg.{source}.>", atLeast: 20, TimeSpan.FromSeconds(30));
        Assert.Equal(written.Select(id => id.ToString()), messages.Select(message => message.Headers!["Nats-Msg-Id"].ToString()));
        await using var connection = await host.DataSource.OpenConnectionAsync();
        await Eventually.GetAsync(
            () => connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), pending => pending == 0, TimeSpan.FromSeconds(10), "pending outbox rows");
    }

    [Fact]
    public async Task Two_relays_on_one_database_publish_each_event_once_and_each_transaction_in_order()
    {
        var source = Names.Source();
        var database = Names.Database();
        await using var first = await MessagingHost.StartAsync(fixture.Stack, source, database, "first", consume: false);
        await using var second = await MessagingHost.StartAsync(fixture.Stack, source, database, "second", consume: false);

        var writes = Enumerable.Range(0, 30).Select(batch =>
            (batch % 2 == 0 ? first : second).EnqueueAsync(commit: true, Enumerable.Range(0, 10).Select(number => new ThingHappened("burst", (batch * 10) + number)).ToArray()));
        await Task.WhenAll(writes);

        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);
        var messages = await probe.ReadAsync(EventSubjects.Stream, $"msg.{source}.>", atLeast: 300, TimeSpan.FromSeconds(30));
        var numbers = messages.Select(message => JsonDocument.Parse(message.Data).RootElement.GetProperty("data").GetProperty("number").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(0, 300), numbers.Order());
        foreach (var batch in numbers.GroupBy(number => number / 10))
        {
            Assert.Equal(batch.Order(), batch);
        }
    }
}
