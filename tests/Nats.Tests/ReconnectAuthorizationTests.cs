using Shop.DevStack;

namespace Shop.Nats.Tests;

public sealed class ReconnectAuthorizationTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task Repeated_authorization_failures_on_reconnect_make_the_client_give_up()
    {
        var gaveUp = new TaskCompletionSource<string>();
        await using var connection = await nats.ConnectAsync();
        connection.ReconnectFailed += (_, e) => gaveUp.TrySetResult(e.Message);

        await nats.Server.KillAsync();
        await Eventually.StateAsync(connection, NatsConnectionState.Reconnecting);
        var changedPassword = new NatsServer(nats.Server.Port, nats.Server.Paths, NatsServerFixture.User, "rotated");
        await NatsServerFixture.StartWhenPortIsFreeAsync(changedPassword);
        try
        {
            Assert.Contains("Authorization Violation", await gaveUp.Task.WaitAsync(TimeSpan.FromSeconds(10)), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(NatsConnectionState.Failed, connection.ConnectionState);
            await Assert.ThrowsAsync<NatsException>(async () => await connection.PublishAsync("auth.after", "x"u8.ToArray()));
        }
        finally
        {
            await changedPassword.StopAsync();
            await nats.RestartAsync();
        }
    }
}
