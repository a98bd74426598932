using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Shop.Nats.Tests;

/// <summary>
/// A server that stops answering PINGs cannot be made with a real nats-server, so this one test uses a socket that
/// speaks just enough protocol: INFO, then PONG to the handshake, then silence.
/// </summary>
public sealed class KeepaliveTests
{
    [Fact]
    public async Task Unanswered_keepalive_pings_mark_the_socket_stale_and_the_client_reconnects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = 0;
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref accepted);
                _ = AnswerHandshakeThenIgnoreAsync(client, stop.Token);
            }
        });
        var disconnected = new TaskCompletionSource<string>();
        await using var connection = new NatsConnection(new NatsOpts
        {
            Url = $"nats://127.0.0.1:{port}",
            PingInterval = TimeSpan.FromMilliseconds(100),
            MaxPingOut = 2,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(50),
        });
        connection.ConnectionDisconnected += (_, e) => disconnected.TrySetResult(e.Message);

        await connection.ConnectAsync();

        Assert.Contains("Stale connection", await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Volatile.Read(ref accepted) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(accepted >= 2, "the client should reconnect after declaring the socket stale");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => serving);
    }

    private static async Task AnswerHandshakeThenIgnoreAsync(TcpClient client, CancellationToken ct)
    {
        using (client)
        {
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("INFO {\"server_id\":\"fake\",\"version\":\"2.9.10\",\"max_payload\":1048576,\"headers\":true}\r\n"), ct);
            var buffer = new byte[4096];
            var received = new StringBuilder();
            while (!received.ToString().Contains("PING\r\n", StringComparison.Ordinal))
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer, ct)));
            }

            await stream.WriteAsync("PONG\r\n"u8.ToArray(), ct);
            while (await stream.ReadAsync(buffer, ct) > 0)
            {
            }
        }
    }
}
