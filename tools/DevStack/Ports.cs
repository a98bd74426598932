using System.Net;
using System.Net.Sockets;

namespace Shop.DevStack;

public static class Ports
{
    /// <summary>
    /// A port free right now on loopback, below Linux's ephemeral range (32768-60999). A port the OS hands out for
    /// port 0 comes from that range, where any outgoing connection may take it in the seconds before the
    /// component that was given it starts listening (seen on the shared build machine: "already in use").
    /// </summary>
    public static int GetFree()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(20000, 32768);
            if (!IsInUse(port))
            {
                return port;
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Whether something listens on the port. Address reuse is on, as servers set it, so the lingering sockets of a
    /// process that was just killed do not count as "in use".
    /// </summary>
    public static bool IsInUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>Waits until something accepts TCP connections on the port.</summary>
    public static async Task WaitForListenerAsync(int port, TimeSpan timeout, Func<bool> stillRunning, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && stillRunning())
            {
                await Task.Delay(100);
            }
            catch (SocketException exception)
            {
                throw new StackException(stillRunning()
                    ? $"{what} did not listen on port {port} within {timeout.TotalSeconds:0} s."
                    : $"{what} exited before listening on port {port}; see its log.", exception);
            }
        }
    }
}

/// <summary>A clear, user-facing failure of the local stack (bad port, missing program, startup failure).</summary>
public sealed class StackException : Exception
{
    public StackException(string message)
        : base(message)
    {
    }

    public StackException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
