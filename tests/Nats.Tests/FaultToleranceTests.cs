using System.Collections.Concurrent;

namespace Shop.Nats.Tests;

/// <summary>kill -9 and restart of nats-server (same port, same JetStream store) under live connections.</summary>
public sealed class FaultToleranceTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Subscriptions_are_replayed_before_the_publishes_buffered_during_the_outage()
    {
        await using var connection = await nats.ConnectAsync();
        await using var sub = await connection.SubscribeCoreAsync("fault.core");
        await connection.PublishAsync("fault.core", BitConverter.GetBytes(-1));
        await sub.Msgs.ReadAsync().AsTask().WaitAsync(Wait);

        await nats.Server.KillAsync();
        await Eventually.StateAsync(connection, NatsConnectionState.Reconnecting);
        for (var i = 0; i < 10; i++)
        {
            await connection.PublishAsync("fault.core", BitConverter.GetBytes(i));
        }

        await nats.RestartAsync();
        var received = new List<int>();
        while (received.Count < 10)
        {
            var msg = await sub.Msgs.ReadAsync().AsTask().WaitAsync(Wait);
            received.Add(BitConverter.ToInt32(msg.Data.Span));
        }

        Assert.Equal(Enumerable.Range(0, 10), received);
        Assert.Equal(NatsConnectionState.Open, connection.ConnectionState);
    }

    [Fact]
    public async Task Subscription_on_another_connection_resumes_after_restart()
    {
        var reconnected = 0;
        await using var subscriber = await nats.ConnectAsync();
        subscriber.ConnectionOpened += (_, _) => Interlocked.Increment(ref reconnected);
        await using var publisher = await nats.ConnectAsync();
        await using var sub = await subscriber.SubscribeCoreAsync("fault.other");

        await nats.Server.KillAsync();
        await Eventually.StateAsync(subscriber, NatsConnectionState.Reconnecting);
        await Eventually.StateAsync(publisher, NatsConnectionState.Reconnecting);
        await nats.RestartAsync();
        await Eventually.StateAsync(subscriber, NatsConnectionState.Open);
        await Eventually.StateAsync(publisher, NatsConnectionState.Open);
        await subscriber.PingAsync();
        await publisher.PublishAsync("fault.other", "after"u8.ToArray());

        var msg = await sub.Msgs.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("after"u8.ToArray(), msg.Data.ToArray());
        Assert.True(reconnected >= 1);
    }

    [Fact]
    public async Task Acked_jetstream_publishes_survive_kill_and_restart()
    {
        await using var connection = await nats.ConnectAsync();
        var js = new NatsJSContext(connection);
        await js.CreateOrUpdateStreamAsync(new StreamConfig("DURABLE", ["durable.>"]));
        for (var i = 0; i < 100; i++)
        {
            await js.PublishAsync("durable.item", BitConverter.GetBytes(i), new NatsJSPubOpts { MsgId = $"m{i}" });
        }

        await nats.Server.KillAsync();
        await nats.RestartAsync();

        var info = await Eventually.SucceedsAsync(() => js.GetStreamAsync("DURABLE").AsTask());
        Assert.Equal(100UL, info.State.Messages);
        var stored = await js.GetMessageAsync("DURABLE", info.State.LastSeq);
        Assert.Equal(99, BitConverter.ToInt32(stored.Data));
    }

    [Fact]
    public async Task Consume_survives_a_server_restart()
    {
        await using var connection = await nats.ConnectAsync();
        var js = new NatsJSContext(connection);
        await js.CreateOrUpdateStreamAsync(new StreamConfig("RESTART", ["restart.>"]));
        var consumer = await js.CreateOrUpdateConsumerAsync("RESTART", new ConsumerConfig("worker") { AckWait = TimeSpan.FromSeconds(2) });
        var received = new ConcurrentDictionary<int, bool>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var consuming = Task.Run(async () =>
        {
            await foreach (var msg in consumer.ConsumeAsync(new NatsJSConsumeOpts { MaxMsgs = 20, Expires = TimeSpan.FromSeconds(2) }, stop.Token))
            {
                received[BitConverter.ToInt32(msg.Data.Span)] = true;
                await msg.AckAsync();
            }
        });

        for (var i = 0; i < 5; i++)
        {
            await js.PublishAsync("restart.item", BitConverter.GetBytes(i));
        }

        await Eventually.TrueAsync(() => received.Count == 5);
        await nats.Server.KillAsync();
        await nats.RestartAsync();
        for (var i = 5; i < 10; i++)
        {
            var value = i;
            await Eventually.SucceedsAsync(() => js.PublishAsync("restart.item", BitConverter.GetBytes(value), new NatsJSPubOpts { MsgId = $"r{value}" }).AsTask());
        }

        await Eventually.TrueAsync(() => received.Count == 10);
        await stop.CancelAsync();
        await consuming;
        Assert.Equal(Enumerable.Range(0, 10), received.Keys.Order());
    }

    [Fact]
    public async Task Full_reconnect_buffer_raises_instead_of_growing()
    {
        await using var connection = await nats.ConnectAsync(nats.Opts() with { MaxReconnectBufferBytes = 4096 });

        await nats.Server.KillAsync();
        await Eventually.StateAsync(connection, NatsConnectionState.Reconnecting);
        var accepted = 0;
        var error = await Assert.ThrowsAsync<NatsReconnectBufferFullException>(async () =>
        {
            for (; accepted < 1000; accepted++)
            {
                await connection.PublishAsync("fault.buffer", new byte[100]);
            }
        });

        Assert.InRange(accepted, 30, 40);
        await nats.RestartAsync();
        await Eventually.StateAsync(connection, NatsConnectionState.Open);
        await connection.PublishAsync("fault.buffer", new byte[100]);
        await connection.PingAsync();
        Assert.Contains("reconnect buffer", error.Message, StringComparison.Ordinal);
    }
}
