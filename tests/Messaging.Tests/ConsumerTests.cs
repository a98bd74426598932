using System.Diagnostics;
using System.Text;
using Dapper;
using Shop.Nats;
using Shop.Testing;

namespace Shop.Messaging.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class ConsumerTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task A_redelivered_event_has_no_second_effect()
    {
        var source = Names.Source();
        await using var host = await MessagingHost.StartAsync(fixture.Stack, source, Names.Database());
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);
        var envelope = CloudEvent.Create(source, "thing_happened", new ThingHappened("twice", 7), DateTimeOffset.UtcNow);
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(envelope);

        // The same event stored twice (as a retried publish outside the dedupe window would be).
        await probe.JetStream.PublishAsync(envelope.Subject, body, new NatsJSPubOpts { MsgId = "first-copy-" + envelope.Id });
        await probe.JetStream.PublishAsync(envelope.Subject, body, new NatsJSPubOpts { MsgId = "second-copy-" + envelope.Id });

        await Eventually.GetAsync(() => Task.FromResult(host.Behaviour.Deliveries), deliveries => deliveries >= 1, TimeSpan.FromSeconds(15), "deliveries");
        await Task.Delay(1000);
        Assert.Equal(1, await EffectsAsync(host, envelope.Id));
    }

    [Fact]
    public async Task An_event_that_keeps_failing_goes_to_the_dead_letters_after_the_last_delivery()
    {
        var source = Names.Source();
        await using var host = await MessagingHost.StartAsync(fixture.Stack, source, Names.Database());
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);

        var id = (await host.EnqueueAsync(commit: true, new ThingHappened("fail", 1)))[0];

        var dead = Assert.Single(await probe.ReadAsync(EventSubjects.DeadLetterStream, $"dlq.msg.{source}.>", atLeast: 1, TimeSpan.FromSeconds(30)));
        Assert.Equal($"dlq.msg.{source}.thing_happened", dead.Subject);
        Assert.Contains("failed on delivery 3", dead.Headers![DeadLetters.ReasonHeader].ToString(), StringComparison.Ordinal);
        Assert.Equal($"{source}-tests", dead.Headers[DeadLetters.ConsumerHeader].ToString());
        Assert.Contains(id.ToString(), Encoding.UTF8.GetString(dead.Data.Span), StringComparison.Ordinal);
        await Task.Delay(1500);
        Assert.Equal(3, host.Behaviour.Deliveries);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"specversion":"1.0","id":"0193a5c2-0000-7000-8000-000000000000","type":"shop.SOURCE.other_event","source":"SOURCE","time":"2026-01-01T00:00:00Z","data":{}}""")]
    [InlineData("""{"specversion":"1.0","id":"0193a5c2-0000-7000-8000-000000000001","type":"shop.SOURCE.thing_happened","source":"SOURCE","time":"2026-01-01T00:00:00Z","data":{"number":1}}""")]
    public async Task A_malformed_message_is_dead_lettered_at_its_first_delivery(string body)
    {
        var source = Names.Source();
        await using var host = await MessagingHost.StartAsync(fixture.Stack, source, Names.Database());
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);

        await probe.JetStream.PublishAsync($"msg.{source}.thing_happened", Encoding.UTF8.GetBytes(body.Replace("SOURCE", source, StringComparison.Ordinal)));

        var dead = Assert.Single(await probe.ReadAsync(EventSubjects.DeadLetterStream, $"dlq.msg.{source}.>", atLeast: 1));
        Assert.False(string.IsNullOrEmpty(dead.Headers![DeadLetters.ReasonHeader].ToString()));
        Assert.Equal(0, await EffectsAsync(host));
    }

    [Fact]
    public async Task Two_replicas_sharing_the_durable_consumer_handle_each_event_once()
    {
        var source = Names.Source();
        var database = Names.Database();
        await using var first = await MessagingHost.StartAsync(fixture.Stack, source, database, "first");
        await using var second = await MessagingHost.StartAsync(fixture.Stack, source, database, "second");

        var ids = new List<Guid>();
        for (var batch = 0; batch < 20; batch++)
        {
            ids.AddRange(await (batch % 2 == 0 ? first : second).EnqueueAsync(commit: true, Enumerable.Range(0, 10).Select(number => new ThingHappened("shared", number)).ToArray()));
        }

        await Eventually.GetAsync(() => EffectsAsync(first), count => count >= 200, TimeSpan.FromSeconds(30), "effects");
        await Task.Delay(1000);
        await using var connection = await first.DataSource.OpenConnectionAsync();
        Assert.Equal(ids.Order(), (await connection.QueryAsync<Guid>("SELECT event_id FROM effects")).Order());
    }

    [Fact]
    public async Task An_event_left_unacked_by_a_replica_that_stops_is_handled_by_another()
    {
        var source = Names.Source();
        var database = Names.Database();
        var first = await MessagingHost.StartAsync(fixture.Stack, source, database, "first");
        var id = (await first.EnqueueAsync(commit: true, new ThingHappened("slow", 1)))[0];
        await Eventually.GetAsync(() => Task.FromResult(first.Behaviour.Deliveries), deliveries => deliveries == 1, TimeSpan.FromSeconds(15), "first delivery");

        await first.DisposeAsync(); // stops mid-handling: nothing committed, nothing acked
        await using var second = await MessagingHost.StartAsync(fixture.Stack, source, database, "second");
        second.Behaviour.SlowGate.SetResult();

        await Eventually.GetAsync(() => EffectsAsync(second, id), count => count == 1, TimeSpan.FromSeconds(20), "effect after redelivery");
        await using var connection = await second.DataSource.OpenConnectionAsync();
        Assert.Equal("second", await connection.ExecuteScalarAsync<string>("SELECT handled_by FROM effects WHERE event_id = @id", new { id }));
    }

    [Fact]
    public async Task A_handler_can_publish_follow_up_events_in_its_transaction()
    {
        var source = Names.Source();
        await using var host = await MessagingHost.StartAsync(fixture.Stack, source, Names.Database());
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);

        await host.EnqueueAsync(commit: true, new ThingHappened("chain", 42));

        var followed = await probe.ReadAsync(EventSubjects.Stream, $"msg.{source}.thing_followed", atLeast: 1);
        Assert.Single(followed);
    }

    [Fact]
    public async Task The_trace_of_the_writer_continues_in_the_consumer()
    {
        var source = Names.Source();
        using var listener = new ActivityListener
        {
            ShouldListenTo = activitySource => activitySource.Name is "Shop.Messaging" or "tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var tests = new ActivitySource("tests");
        await using var host = await MessagingHost.StartAsync(fixture.Stack, source, Names.Database());

        string traceId;
        using (var request = tests.StartActivity("request"))
        {
            traceId = request!.TraceId.ToString();
            await host.EnqueueAsync(commit: true, new ThingHappened("traced", 1));
        }

        await Eventually.GetAsync(() => Task.FromResult(host.Behaviour.Deliveries), deliveries => deliveries >= 1, TimeSpan.FromSeconds(15), "deliveries");
        Assert.Equal(traceId, host.Behaviour.TraceIds[0]);
    }

    private static async Task<int> EffectsAsync(MessagingHost host, Guid? id = null)
    {
        await using var connection = await host.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM effects WHERE @id IS NULL OR event_id = @id", new { id });
    }
}
