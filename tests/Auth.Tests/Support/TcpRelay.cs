using System.Net;
using System.Net.Sockets;

namespace Shop.Auth.Tests.Support;

/// <summary>
/// Forwards TCP connections to a real server until <see cref="BreakAsync"/>: then every open connection is cut and
/// new ones are refused, as when the server's host goes away. Lets one test take a dependency down for one
/// service instance without stopping the server the rest of the collection uses.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> connections = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private readonly int targetPort;

    public TcpRelay(int targetPort)
    {
        this.targetPort = targetPort;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public async Task BreakAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        lock (connections)
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }

        try
        {
            await accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await BreakAsync();
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var inbound = await listener.AcceptTcpClientAsync(stopping.Token);
            var outbound = new TcpClient();
            await outbound.ConnectAsync(IPAddress.Loopback, targetPort, stopping.Token);
            lock (connections)
            {
                connections.Add(inbound);
                connections.Add(outbound);
            }

            _ = PumpAsync(inbound.GetStream(), outbound.GetStream());
            _ = PumpAsync(outbound.GetStream(), inbound.GetStream());
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        try
        {
            await from.CopyToAsync(to, stopping.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            to.Socket.Dispose();
        }
    }
}
