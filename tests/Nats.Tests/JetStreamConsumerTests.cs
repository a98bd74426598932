using System.Collections.Concurrent;

namespace Shop.Nats.Tests;

public sealed class JetStreamConsumerTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Consume_delivers_every_message_with_metadata_and_acks_clear_pending()
    {
        await using var connection = await nats.ConnectAsync();
        var (js, consumer) = await CreateAsync(connection, "CONSUME", new ConsumerConfig("worker"));
        var acks = new List<PubAckResponse>();
        for (var i = 0; i < 50; i++)
        {
            acks.Add(await js.PublishAsync("consume.item", BitConverter.GetBytes(i)));
        }

        var received = new List<NatsJSMsg>();
        using var stop = new CancellationTokenSource(Wait);
        await foreach (var msg in consumer.ConsumeAsync(new NatsJSConsumeOpts { MaxMsgs = 16 }, stop.Token))
        {
            received.Add(msg);
            await msg.AckAsync();
            if (received.Count == 50)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 50), received.Select(m => BitConverter.ToInt32(m.Data.Span)));
        var first = received[0].Metadata!;
        Assert.Equal("CONSUME", first.Stream);
        Assert.Equal("worker", first.Consumer);
        Assert.Equal(acks[0].Seq, first.Sequence.Stream);
        Assert.Equal(1UL, first.NumDelivered);
        Assert.Equal(49UL, first.NumPending);
        Assert.InRange(first.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        await Eventually.TrueAsync(async () => (await js.GetConsumerAsync("CONSUME", "worker")).Info.NumAckPending == 0);
    }

    [Fact]
    public async Task Unacked_message_is_redelivered_to_another_instance_after_the_first_dies()
    {
        await using var admin = await nats.ConnectAsync();
        var (js, _) = await CreateAsync(admin, "REDELIVER", new ConsumerConfig("worker") { AckWait = TimeSpan.FromSeconds(1) });
        await js.PublishAsync("redeliver.item", "work"u8.ToArray());

        await using (var dying = await nats.ConnectAsync())
        {
            var consumer = await new NatsJSContext(dying).GetConsumerAsync("REDELIVER", "worker");
            var first = await consumer.NextAsync(Wait);
            Assert.Equal(1UL, first!.Value.Metadata!.NumDelivered);
        }

        await using var survivor = await nats.ConnectAsync();
        var again = await (await new NatsJSContext(survivor).GetConsumerAsync("REDELIVER", "worker")).NextAsync(Wait);

        Assert.NotNull(again);
        Assert.Equal(2UL, again.Value.Metadata!.NumDelivered);
        await again.Value.AckAsync(new AckOpts { DoubleAck = true });
    }

    [Fact]
    public async Task Nak_with_delay_redelivers_after_the_delay()
    {
        await using var connection = await nats.ConnectAsync();
        var (js, consumer) = await CreateAsync(connection, "NAKDELAY", new ConsumerConfig("worker"));
        await js.PublishAsync("nakdelay.item", "x"u8.ToArray());

        var first = (await consumer.NextAsync(Wait))!.Value;
        await first.NakAsync(TimeSpan.FromMilliseconds(800));
        var nakedAt = DateTime.UtcNow;
        var second = (await consumer.NextAsync(Wait))!.Value;

        Assert.True(DateTime.UtcNow - nakedAt >= TimeSpan.FromMilliseconds(700), "redelivered before the NAK delay");
        Assert.Equal(2UL, second.Metadata!.NumDelivered);
        await second.AckAsync();
    }

    [Fact]
    public async Task Terminated_message_is_never_redelivered()
    {
        await using var connection = await nats.ConnectAsync();
        var (js, consumer) = await CreateAsync(connection, "TERM", new ConsumerConfig("worker") { AckWait = TimeSpan.FromMilliseconds(500) });
        await js.PublishAsync("term.item", "poison"u8.ToArray());

        var msg = (await consumer.NextAsync(Wait))!.Value;
        await msg.AckTerminateAsync(new AckOpts { DoubleAck = true });

        Assert.Null(await consumer.NextAsync(TimeSpan.FromSeconds(1.5)));
        await consumer.RefreshAsync();
        Assert.Equal(0, consumer.Info.NumAckPending);
    }

    [Fact]
    public async Task Max_deliver_stops_redelivery_and_NumDelivered_counts_up_to_it()
    {
        await using var connection = await nats.ConnectAsync();
        var config = new ConsumerConfig("worker")
        {
            MaxDeliver = 3,
            Backoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300)],
        };
        var (js, consumer) = await CreateAsync(connection, "MAXDELIVER", config);
        await js.PublishAsync("maxdeliver.item", "fails"u8.ToArray());

        var deliveries = new List<ulong>();
        while (await consumer.NextAsync(TimeSpan.FromSeconds(1.5)) is { } msg)
        {
            deliveries.Add(msg.Metadata!.NumDelivered);
        }

        Assert.Equal([1UL, 2UL, 3UL], deliveries);
        Assert.Equal(2, consumer.Info.Config.Backoff!.Count);
    }

    [Fact]
    public async Task Two_instances_sharing_a_durable_consumer_handle_each_message_once()
    {
        const int count = 300;
        await using var publisher = await nats.ConnectAsync();
        var (js, _) = await CreateAsync(publisher, "SHARED", new ConsumerConfig("shared") { AckWait = TimeSpan.FromSeconds(30) });
        for (var i = 0; i < count; i++)
        {
            await js.PublishAsync("shared.item", BitConverter.GetBytes(i));
        }

        var handled = new ConcurrentDictionary<int, string>();
        var duplicates = 0;
        using var stop = new CancellationTokenSource(Wait);
        async Task RunInstanceAsync(string name)
        {
            await using var connection = await nats.ConnectAsync();
            var consumer = await new NatsJSContext(connection).GetConsumerAsync("SHARED", "shared");
            await foreach (var msg in consumer.ConsumeAsync(new NatsJSConsumeOpts { MaxMsgs = 10 }, stop.Token))
            {
                if (!handled.TryAdd(BitConverter.ToInt32(msg.Data.Span), name))
                {
                    Interlocked.Increment(ref duplicates);
                }

                await msg.AckAsync();
                await Task.Yield();
                if (handled.Count == count)
                {
                    await stop.CancelAsync();
                }
            }
        }

        await Task.WhenAll(RunInstanceAsync("a"), RunInstanceAsync("b"));

        Assert.Equal(count, handled.Count);
        Assert.Equal(0, duplicates);
        Assert.Contains(handled.Values, v => v == "a");
        Assert.Contains(handled.Values, v => v == "b");
    }

    [Fact]
    public async Task Consumer_create_or_update_is_idempotent_and_updates_ack_wait()
    {
        await using var connection = await nats.ConnectAsync();
        var config = new ConsumerConfig("updatable") { AckWait = TimeSpan.FromSeconds(5), MaxDeliver = 5, FilterSubject = "update.>" };
        var (js, first) = await CreateAsync(connection, "UPDATE", config);

        var again = await js.CreateOrUpdateConsumerAsync("UPDATE", config);
        var updated = await js.CreateOrUpdateConsumerAsync("UPDATE", config with { AckWait = TimeSpan.FromSeconds(9) });

        Assert.Equal(first.Info.Created, again.Info.Created);
        Assert.Equal(ConsumerConfigAckPolicy.Explicit, again.Info.Config.AckPolicy);
        Assert.Equal("updatable", again.Info.Config.DurableName);
        Assert.Equal(TimeSpan.FromSeconds(9), updated.Info.Config.AckWait);
        Assert.True(await js.DeleteConsumerAsync("UPDATE", "updatable"));
        await Assert.ThrowsAsync<NatsJSApiException>(async () => await js.GetConsumerAsync("UPDATE", "updatable"));
    }

    [Fact]
    public async Task Fetch_returns_what_is_there_when_expires_passes()
    {
        await using var connection = await nats.ConnectAsync();
        var (js, consumer) = await CreateAsync(connection, "FETCH", new ConsumerConfig("worker"));
        for (var i = 0; i < 3; i++)
        {
            await js.PublishAsync("fetch.item", BitConverter.GetBytes(i));
        }

        var fetched = new List<NatsJSMsg>();
        await foreach (var msg in consumer.FetchAsync(new NatsJSFetchOpts { MaxMsgs = 10, Expires = TimeSpan.FromMilliseconds(500) }))
        {
            fetched.Add(msg);
            await msg.AckAsync();
        }

        Assert.Equal(3, fetched.Count);
    }

    private static async Task<(NatsJSContext Js, INatsJSConsumer Consumer)> CreateAsync(NatsConnection connection, string stream, ConsumerConfig config)
    {
        var js = new NatsJSContext(connection);
        await js.CreateOrUpdateStreamAsync(new StreamConfig(stream, [$"{stream.ToLowerInvariant()}.>"]));
        return (js, await js.CreateOrUpdateConsumerAsync(stream, config));
    }
}
