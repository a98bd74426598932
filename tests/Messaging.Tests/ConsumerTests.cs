using System.Text;
using System.Text.Json;
using Dapper;
using Shop.Testing;

namespace Shop.Messaging.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class ConsumerTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task A_redelivered_event_has_no_second_effect()
    {
        await using var host = await MessagingHost<Twice>.StartAsync(fixture.Stack, Names.Database());
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);
        var envelope = CloudEvent.Create(Twice.Name, "thing_happened", new ThingHappened<Twice>("twice", 7), DateTimeOffset.UtcNow);
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope);

        // The same event stored twice (as a retried publish outside the dedupe window would be).
        await probe.PublishAsync(envelope.Subject, body, "first-copy-" + envelope.Id);
        await probe.PublishAsync(envelope.Subject, body, "second-copy-" + envelope.Id);

        await Eventually.GetAsync(() => Task.FromResult(host.Behaviour.Deliveries), deliveries => deliveries >= 1, TimeSpan.FromSeconds(15), "deliveries");
        await Task.Delay(1000);
        Assert.Equal(1, await EffectsAsync(host, envelope.Id));
    }

    [Fact]
    public async Task An_event_that_keeps_failing_goes_to_the_dead_letters_after_the_last_delivery()
    {
        await using var host = await MessagingHost<Failing>.StartAsync(fixture.Stack, Names.Database());
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);

        var id = (await host.EnqueueAsync(commit: true, new ThingHappened<Failing>("fail", 1)))[0];

        var dead = Assert.Single(await probe.ReadAsync(EventSubjects.DeadLetterStream, $"dlq.msg.{Failing.Name}.>", atLeast: 1, TimeSpan.FromSeconds(30)));
        Assert.Equal($"dlq.msg.{Failing.Name}.thing_happened", dead.Subject);
        Assert.Contains("failed on delivery 3", dead.Headers![DeadLetters.ReasonHeader].ToString(), StringComparison.Ordinal);
        Assert.Equal(MessagingHost<Failing>.Consumer, dead.Headers[DeadLetters.ConsumerHeader].ToString());
        Assert.Contains(id.ToString(), Encoding.UTF8.GetString(dead.Data!), StringComparison.Ordinal);
        await Task.Delay(1500);
        Assert.Equal(3, host.Behaviour.Deliveries);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"specversion":"1.0","id":"0193a5c2-0000-7000-8000-000000000000","type":"shop.SOURCE.other_event","source":"SOURCE","time":"2026-01-01T00:00:00Z","data":{}}""")]
    [InlineData("""{"specversion":"1.0","id":"0193a5c2-0000-7000-8000-000000000001","type":"shop.SOURCE.thing_happened","source":"SOURCE","time":"2026-01-01T00:00:00Z","data":{"number":1}}""")]
    public async Task A_malformed_message_is_dead_lettered_at_its_first_delivery(string body)
    {
        var database = Names.Database();
        await using var host = await MessagingHost<Malformed>.StartAsync(fixture.Stack, database);
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);
        var before = (await probe.ReadAsync(EventSubjects.DeadLetterStream, $"dlq.msg.{Malformed.Name}.>", atLeast: 0, TimeSpan.FromSeconds(2))).Count;

        await probe.PublishAsync($"msg.{Malformed.Name}.thing_happened", Encoding.UTF8.GetBytes(body.Replace("SOURCE", Malformed.Name, StringComparison.Ordinal)));

        var dead = await probe.ReadAsync(EventSubjects.DeadLetterStream, $"dlq.msg.{Malformed.Name}.>", atLeast: before + 1);
        Assert.Equal(before + 1, dead.Count);
        Assert.False(string.IsNullOrEmpty(dead[^1].Headers![DeadLetters.ReasonHeader].ToString()));
        Assert.Equal(0, await EffectsAsync(host));
    }

    [Fact]
    public async Task Two_replicas_sharing_the_durable_consumer_handle_each_event_once()
    {
        var database = Names.Database();
        await using var first = await MessagingHost<Shared>.StartAsync(fixture.Stack, database, "first");
        await using var second = await MessagingHost<Shared>.StartAsync(fixture.Stack, database, "second");

        var ids = new List<Guid>();
        for (var batch = 0; batch < 20; batch++)
        {
            ids.AddRange(await (batch % 2 == 0 ? first : second).EnqueueAsync(commit: true, Enumerable.Range(0, 10).Select(number => new ThingHappened<Shared>("shared", number)).ToArray()));
        }

        await Eventually.GetAsync(() => EffectsAsync(first), count => count >= 200, TimeSpan.FromSeconds(30), "effects");
        await Task.Delay(1000);
        await using var connection = await first.DataSource.OpenConnectionAsync();
        Assert.Equal(ids.Order(), (await connection.QueryAsync<Guid>("SELECT event_id FROM effects")).Order());
    }

    [Fact]
    public async Task An_event_left_unacked_by_a_replica_that_stops_is_handled_by_another()
    {
        var database = Names.Database();
        var first = await MessagingHost<Stopped>.StartAsync(fixture.Stack, database, "first");
        var id = (await first.EnqueueAsync(commit: true, new ThingHappened<Stopped>("slow", 1)))[0];
        await Eventually.GetAsync(() => Task.FromResult(first.Behaviour.Deliveries), deliveries => deliveries == 1, TimeSpan.FromSeconds(15), "first delivery");

        await first.DisposeAsync(); // stops mid-handling: nothing committed, nothing acked
        await using var second = await MessagingHost<Stopped>.StartAsync(fixture.Stack, database, "second");
        second.Behaviour.SlowGate.SetResult();

        await Eventually.GetAsync(() => EffectsAsync(second, id), count => count == 1, TimeSpan.FromSeconds(20), "effect after redelivery");
        await using var connection = await second.DataSource.OpenConnectionAsync();
        Assert.Equal("second", await connection.ExecuteScalarAsync<string>("SELECT handled_by FROM effects WHERE event_id = @id", new { id }));
    }

    [Fact]
    public async Task A_handler_can_publish_follow_up_events_in_its_transaction()
    {
        await using var host = await MessagingHost<Chained>.StartAsync(fixture.Stack, Names.Database());
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);

        await host.EnqueueAsync(commit: true, new ThingHappened<Chained>("chain", 42));

        var followed = Assert.Single(await probe.ReadAsync(EventSubjects.Stream, EventSubjects.Of<ThingFollowed<Chained>>(), atLeast: 1));
        Assert.Equal(42, JsonDocument.Parse(followed.Data).RootElement.GetProperty("data").GetProperty("number").GetInt32());
    }

    private static async Task<int> EffectsAsync<TSource>(MessagingHost<TSource> host, Guid? id = null)
        where TSource : ITestSource
    {
        await using var connection = await host.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM effects WHERE @id IS NULL OR event_id = @id", new { id });
    }

    private sealed class Twice : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }

    private sealed class Failing : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }

    private sealed class Malformed : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }

    private sealed class Shared : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }

    private sealed class Stopped : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }

    private sealed class Chained : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }
}
