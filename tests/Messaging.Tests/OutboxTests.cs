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
        await using var host = await MessagingHost<Published>.StartAsync(fixture.Stack, Names.Database(), consume: false);
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);

        var committed = await host.EnqueueAsync(commit: true, new("kept", 1), new("kept", 2));
        await host.EnqueueAsync(commit: false, new ThingHappened<Published>("discarded", 3));

        var messages = await probe.ReadAsync(EventSubjects.Stream, $"msg.{Published.Name}.>", atLeast: 2);
        Assert.Equal(committed.Select(id => id.ToString()), messages.Select(message => message.Headers!["Nats-Msg-Id"].ToString()));
        var envelope = JsonDocument.Parse(messages[0].Data).RootElement;
        Assert.Equal("1.0", envelope.GetProperty("specversion").GetString());
        Assert.Equal(committed[0], envelope.GetProperty("id").GetGuid());
        Assert.Equal($"shop.{Published.Name}.thing_happened", envelope.GetProperty("type").GetString());
        Assert.Equal(Published.Name, envelope.GetProperty("source").GetString());
        Assert.Equal("application/json", envelope.GetProperty("datacontenttype").GetString());
        Assert.Equal(1, envelope.GetProperty("data").GetProperty("number").GetInt32());
        Assert.Equal("kept", envelope.GetProperty("data").GetProperty("kind").GetString());
        Assert.All(messages, message => Assert.Equal($"msg.{Published.Name}.thing_happened", message.Subject));
    }

    [Fact]
    public async Task A_service_cannot_publish_another_services_event()
    {
        await using var host = await MessagingHost<Published>.StartAsync(fixture.Stack, Names.Database(), consume: false);
        await using var connection = await host.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Outbox.EnqueueAsync(transaction, new ThingHappened<Offline>("foreign", 1)));
    }

    [Fact]
    public async Task Events_written_while_nats_is_down_are_published_once_after_it_returns()
    {
        await using var host = await MessagingHost<Offline>.StartAsync(fixture.Stack, Names.Database(), consume: false);

        await fixture.Stack.Nats.KillAsync();
        Guid[] written;
        try
        {
            written = await host.EnqueueAsync(commit: true, Enumerable.Range(0, 20).Select(number => new ThingHappened<Offline>("offline", number)).ToArray());
            await Task.Delay(1000); // the relay tries, fails and backs off meanwhile
        }
        finally
        {
            await fixture.Stack.Nats.StartAsync();
        }

        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);
        var messages = await probe.ReadAsync(EventSubjects.Stream, $"msg.{Offline.Name}.>", atLeast: 20, TimeSpan.FromSeconds(30));
        Assert.Equal(written.Select(id => id.ToString()), messages.Select(message => message.Headers!["Nats-Msg-Id"].ToString()));
        await using var connection = await host.DataSource.OpenConnectionAsync();
        await Eventually.GetAsync(
            () => connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), pending => pending == 0, TimeSpan.FromSeconds(10), "pending outbox rows");
    }

    [Fact]
    public async Task Nats_killed_while_the_relay_publishes_loses_nothing_duplicates_nothing_and_keeps_the_order()
    {
        await using var host = await MessagingHost<Killed>.StartAsync(fixture.Stack, Names.Database(), consume: false);
        var written = new List<Guid>();
        var writing = Task.Run(async () =>
        {
            for (var batch = 0; batch < 40; batch++)
            {
                written.AddRange(await host.EnqueueAsync(commit: true, Enumerable.Range(0, 10).Select(number => new ThingHappened<Killed>("killed", (batch * 10) + number)).ToArray()));
                await Task.Delay(25);
            }
        });

        await Task.Delay(300);
        await fixture.Stack.Nats.KillAsync(); // kill -9 in the middle of the stream of publishes
        await Task.Delay(500);
        await fixture.Stack.Nats.StartAsync();
        await writing;

        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);
        var messages = await probe.ReadAsync(EventSubjects.Stream, $"msg.{Killed.Name}.>", atLeast: 400, TimeSpan.FromSeconds(60));
        Assert.Equal(written.Select(id => id.ToString()), messages.Select(message => message.Headers!["Nats-Msg-Id"].ToString()));
    }

    [Fact]
    public async Task Two_relays_on_one_database_publish_each_event_once_and_each_transaction_in_order()
    {
        var database = Names.Database();
        await using var first = await MessagingHost<TwoRelays>.StartAsync(fixture.Stack, database, "first", consume: false);
        await using var second = await MessagingHost<TwoRelays>.StartAsync(fixture.Stack, database, "second", consume: false);

        var writes = Enumerable.Range(0, 30).Select(batch =>
            (batch % 2 == 0 ? first : second).EnqueueAsync(commit: true, Enumerable.Range(0, 10).Select(number => new ThingHappened<TwoRelays>("burst", (batch * 10) + number)).ToArray()));
        await Task.WhenAll(writes);

        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);
        var messages = await probe.ReadAsync(EventSubjects.Stream, $"msg.{TwoRelays.Name}.>", atLeast: 300, TimeSpan.FromSeconds(30));
        var numbers = messages.Select(message => JsonDocument.Parse(message.Data).RootElement.GetProperty("data").GetProperty("number").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(0, 300), numbers.Order());
        foreach (var batch in numbers.GroupBy(number => number / 10))
        {
            Assert.Equal(batch.Order(), batch);
        }
    }

    private sealed class Published : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }

    private sealed class Offline : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }

    private sealed class Killed : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }

    private sealed class TwoRelays : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }
}
