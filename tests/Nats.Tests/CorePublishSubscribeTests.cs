using System.Text;

namespace Shop.Nats.Tests;

public sealed class CorePublishSubscribeTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Published_message_reaches_a_subscriber_with_its_payload()
    {
        await using var connection = await nats.ConnectAsync();
        await using var sub = await connection.SubscribeCoreAsync("core.hello");

        await connection.PublishAsync("core.hello", "hi there"u8.ToArray());

        var msg = await sub.Msgs.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("core.hello", msg.Subject);
        Assert.Equal("hi there", Encoding.UTF8.GetString(msg.Data.Span));
        Assert.Null(msg.Headers);
    }

    [Fact]
    public async Task Headers_round_trip_with_several_values_and_case_insensitive_names()
    {
        await using var connection = await nats.ConnectAsync();
        await using var sub = await connection.SubscribeCoreAsync("core.headers");
        var headers = new NatsHeaders { ["Nats-Msg-Id"] = "id-1", ["X-Multi"] = new(["a", "b"]) };

        await connection.PublishAsync("core.headers", "body"u8.ToArray(), headers);

        var msg = await sub.Msgs.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.NotNull(msg.Headers);
        Assert.Equal("id-1", msg.Headers["nats-msg-id"]);
        Assert.Equal(new[] { "a", "b" }, msg.Headers["x-multi"].ToArray());
        Assert.Equal("body", Encoding.UTF8.GetString(msg.Data.Span));
    }

    [Fact]
    public async Task Empty_payload_with_headers_only_is_delivered()
    {
        await using var connection = await nats.ConnectAsync();
        await using var sub = await connection.SubscribeCoreAsync("core.empty");

        await connection.PublishAsync("core.empty", headers: new NatsHeaders { ["K"] = "v" });

        var msg = await sub.Msgs.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.True(msg.Data.IsEmpty);
        Assert.Equal("v", msg.Headers!["K"]);
    }

    [Fact]
    public async Task Wildcard_subscription_sees_the_concrete_subject()
    {
        await using var connection = await nats.ConnectAsync();
        await using var sub = await connection.SubscribeCoreAsync("core.wild.>");

        await connection.PublishAsync("core.wild.a.b", "x"u8.ToArray());

        var msg = await sub.Msgs.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("core.wild.a.b", msg.Subject);
    }

    [Fact]
    public async Task Queue_group_members_share_the_messages()
    {
        const int count = 200;
        await using var connection = await nats.ConnectAsync();
        await using var first = await connection.SubscribeCoreAsync("core.queue", "workers");
        await using var second = await connection.SubscribeCoreAsync("core.queue", "workers");

        for (var i = 0; i < count; i++)
        {
            await connection.PublishAsync("core.queue", BitConverter.GetBytes(i));
        }

        await connection.PingAsync();
        await Task.Delay(100);
        var a = first.Msgs.Count;
        var b = second.Msgs.Count;
        Assert.Equal(count, a + b);
        Assert.True(a > 0 && b > 0, $"both members should get some messages, got {a} and {b}");
    }

    [Fact]
    public async Task SubscribeAsync_streams_until_cancelled()
    {
        await using var connection = await nats.ConnectAsync();
        using var cancel = new CancellationTokenSource(Wait);
        var received = new List<string>();
        var started = new TaskCompletionSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var msg in connection.SubscribeAsync("core.stream", ct: cancel.Token))
            {
                received.Add(Encoding.UTF8.GetString(msg.Data.Span));
                if (received.Count == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        // The SUB goes out when enumeration starts: publish until the reader is listening.
        while (received.Count == 0 && !cancel.IsCancellationRequested)
        {
            await connection.PublishAsync("core.stream", "m"u8.ToArray());
            await Task.Delay(20);
        }

        await connection.PublishAsync("core.stream", "m"u8.ToArray());
        await connection.PublishAsync("core.stream", "m"u8.ToArray());
        await reading.WaitAsync(Wait);
        Assert.Equal(3, received.Count);
    }

    [Fact]
    public async Task Ping_measures_a_round_trip()
    {
        await using var connection = await nats.ConnectAsync();

        var rtt = await connection.PingAsync();

        Assert.InRange(rtt, TimeSpan.Zero, Wait);
        Assert.Equal(NatsConnectionState.Open, connection.ConnectionState);
        Assert.Equal("2.9.10", connection.ServerInfo!.Version);
    }
}
