using System.Text;

namespace Shop.Nats.Tests;

public sealed class RequestReplyTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task Request_gets_the_responders_reply()
    {
        await using var connection = await nats.ConnectAsync();
        await using var responder = await nats.ConnectAsync();
        await using var sub = await responder.SubscribeCoreAsync("rr.echo");
        var serving = Task.Run(async () =>
        {
            await foreach (var request in sub.Msgs.ReadAllAsync())
            {
                await request.ReplyAsync(Encoding.UTF8.GetBytes("echo:" + Encoding.UTF8.GetString(request.Data.Span)));
            }
        });

        for (var i = 0; i < 20; i++)
        {
            var reply = await connection.RequestAsync("rr.echo", Encoding.UTF8.GetBytes($"n{i}"));
            Assert.Equal($"echo:n{i}", Encoding.UTF8.GetString(reply.Data.Span));
        }

        await sub.UnsubscribeAsync();
        await serving;
    }

    [Fact]
    public async Task Request_without_responders_fails_fast()
    {
        await using var connection = await nats.ConnectAsync();
        var started = DateTime.UtcNow;

        await Assert.ThrowsAsync<NatsNoRespondersException>(async () =>
            await connection.RequestAsync("rr.nobody.home", "x"u8.ToArray(), timeout: TimeSpan.FromSeconds(10)));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "no-responders must not wait for the timeout");
    }

    [Fact]
    public async Task Request_times_out_when_the_responder_stays_silent()
    {
        await using var connection = await nats.ConnectAsync();
        await using var silent = await connection.SubscribeCoreAsync("rr.silent");

        var error = await Assert.ThrowsAsync<NatsNoReplyException>(async () =>
            await connection.RequestAsync("rr.silent", "x"u8.ToArray(), timeout: TimeSpan.FromMilliseconds(300)));

        Assert.IsAssignableFrom<NatsTimeoutException>(error);
        Assert.Equal(1, silent.Msgs.Count);
    }

    [Fact]
    public async Task Concurrent_requests_each_get_their_own_reply()
    {
        await using var connection = await nats.ConnectAsync();
        await using var sub = await connection.SubscribeCoreAsync("rr.many");
        var serving = Task.Run(async () =>
        {
            await foreach (var request in sub.Msgs.ReadAllAsync())
            {
                await request.ReplyAsync(request.Data);
            }
        });

        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
            BitConverter.ToInt32((await connection.RequestAsync("rr.many", BitConverter.GetBytes(i))).Data.Span)));

        Assert.Equal(Enumerable.Range(0, 200), replies);
        await sub.UnsubscribeAsync();
        await serving;
    }
}
