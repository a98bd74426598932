namespace Shop.Nats.Tests;

public sealed class SubscriptionLifecycleTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task Unsubscribe_completes_the_channel_and_stops_delivery()
    {
        await using var connection = await nats.ConnectAsync();
        var sub = await connection.SubscribeCoreAsync("life.unsub");
        await connection.PublishAsync("life.unsub", "1"u8.ToArray());
        await sub.Msgs.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        await sub.UnsubscribeAsync();
        await connection.PublishAsync("life.unsub", "2"u8.ToArray());
        await connection.PingAsync();

        await sub.Msgs.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(sub.Msgs.TryRead(out _));
    }

    [Fact]
    public async Task A_full_subscription_drops_new_messages_and_reports_it_once()
    {
        await using var connection = await nats.ConnectAsync(nats.Opts() with { SubPendingChannelCapacity = 10 });
        var dropped = new List<NatsMessageDroppedEventArgs>();
        connection.MessageDropped += (_, e) => dropped.Add(e);
        await using var sub = await connection.SubscribeCoreAsync("life.slow");

        for (var i = 0; i < 50; i++)
        {
            await connection.PublishAsync("life.slow", BitConverter.GetBytes(i));
        }

        await connection.PingAsync();
        await Task.Delay(200);
        Assert.Equal(10, sub.Msgs.Count);
        Assert.Equal(0, BitConverter.ToInt32((await sub.Msgs.ReadAsync()).Data.Span));
        var report = Assert.Single(dropped);
        Assert.Equal("life.slow", report.Subject);
    }

    [Fact]
    public async Task Disposing_the_connection_ends_SubscribeAsync_and_fails_later_calls()
    {
        var connection = await nats.ConnectAsync();
        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var unused in connection.SubscribeAsync("life.dispose"))
            {
                count++;
            }

            return count;
        });
        await Task.Delay(200);

        await connection.DisposeAsync();

        Assert.Equal(0, await reading.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(NatsConnectionState.Closed, connection.ConnectionState);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await connection.PublishAsync("life.dispose"));
    }
}
