using System.Net;
using System.Net.Sockets;

namespace Shop.DevStack;

public static class Ports
{
    /// <summary>A port the OS says is free right now on loopback.</summary>
    public static int GetFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsInUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            // Only a listener counts: connections of a killed process linger in TIME_WAIT for a minute, and
            // without SO_REUSEADDR they would block the restart that Kestrel itself (which sets it) could do.
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
