namespace Shop.Nats.Tests;

public sealed class ProtocolErrorTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task Payload_over_max_payload_throws_before_writing_and_the_connection_stays_usable()
    {
        var disconnects = 0;
        await using var connection = await nats.ConnectAsync();
        connection.ConnectionDisconnected += (_, _) => Interlocked.Increment(ref disconnects);
        await using var sub = await connection.SubscribeCoreAsync("err.size");
        var max = connection.ServerInfo!.MaxPayload;

        await Assert.ThrowsAsync<NatsPayloadTooLargeException>(async () =>
            await connection.PublishAsync("err.size", new byte[max + 1]));
        await Assert.ThrowsAsync<NatsPayloadTooLargeException>(async () =>
            await connection.PublishAsync("err.size", new byte[max - 4], new NatsHeaders { ["Big"] = "header" }));

        await connection.PublishAsync("err.size", new byte[max]);
        var msg = await sub.Msgs.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(max, msg.Data.Length);
        Assert.Equal(NatsConnectionState.Open, connection.ConnectionState);
        Assert.Equal(0, disconnects);
    }

    [Fact]
    public async Task Server_error_on_subscribe_fails_the_subscribe_and_raises_ServerError()
    {
        await using var connection = await nats.ConnectAsync();
        var raised = new TaskCompletionSource<string>();
        connection.ServerError += (_, e) => raised.TrySetResult(e.Error);

        var error = await Assert.ThrowsAsync<NatsServerErrorException>(async () =>
            await connection.SubscribeCoreAsync("err.>.bad"));

        Assert.Contains("invalid subject", error.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("invalid subject", await raised.Task.WaitAsync(TimeSpan.FromSeconds(5)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(NatsConnectionState.Open, connection.ConnectionState);
        await connection.PingAsync();
    }

    [Fact]
    public async Task Wrong_password_is_a_clear_authorization_error()
    {
        var badUrl = nats.Url.Replace(NatsServerFixture.Password, "wrong", StringComparison.Ordinal);
        await using var connection = new NatsConnection(nats.Opts(badUrl));

        var error = await Assert.ThrowsAsync<NatsAuthorizationException>(async () => await connection.ConnectAsync());

        Assert.Contains("Authorization Violation", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(NatsConnectionState.Closed, connection.ConnectionState);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("wild.*")]
    [InlineData("wild.>")]
    [InlineData("empty..token")]
    [InlineData(".leading")]
    public async Task Publish_subject_must_be_a_literal_without_whitespace(string subject)
    {
        await using var connection = await nats.ConnectAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () => await connection.PublishAsync(subject, "x"u8.ToArray()));

        await connection.PingAsync();
    }

    [Fact]
    public async Task A_subject_too_long_for_the_servers_control_line_is_refused_before_writing()
    {
        await using var connection = await nats.ConnectAsync();
        var subject = "long." + new string('x', 4100);

        await Assert.ThrowsAsync<ArgumentException>(async () => await connection.PublishAsync(subject, "x"u8.ToArray()));
        await Assert.ThrowsAsync<ArgumentException>(async () => await connection.SubscribeCoreAsync(subject));

        await connection.PingAsync();
        Assert.Equal(NatsConnectionState.Open, connection.ConnectionState);
    }

    [Fact]
    public async Task Header_values_with_line_breaks_are_refused()
    {
        await using var connection = await nats.ConnectAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await connection.PublishAsync("err.header", default, new NatsHeaders { ["X"] = "a\r\nInjected: 1" }));

        await connection.PingAsync();
    }
}
