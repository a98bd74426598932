using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Shop.Notifications.Tests;

/// <summary>
/// A TCP relay between the notifications replicas and maildev that can hold what clients send (fault injection,
/// like toxiproxy). While held, no SMTP command reaches maildev, so a replica killed then is provably outside the
/// one window where exactly-once cannot hold (maildev accepted the message, the "sent" row is not yet committed):
/// what it had sent so far is dropped, as a real server drops a message whose DATA never ended.
/// It can also answer RCPT for chosen addresses itself, as a real server refusing a mailbox would (maildev takes all);
/// for that it hides maildev's PIPELINING, so clients send one command at a time. It counts the connections it
/// relayed and can cut them all, as a server closing its sessions would.
/// </summary>
public sealed class SmtpRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<int> upstreamPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task acceptLoop;
    private readonly List<Socket> clients = [];
    private TaskCompletionSource open = Opened();
    private int forwarding;
    private int connections;

    public SmtpRelay(Func<int> upstreamPort)
    {
        this.upstreamPort = upstreamPort;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Client connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>Given a recipient address, the SMTP reply to give instead of maildev's (e.g. "550 5.1.1 ..."), or null.</summary>
    public Func<string, string?> RecipientReply { get; set; } = _ => null;

    /// <summary>Returns once no client data is being written upstream and none will be until <see cref="Release"/>.</summary>
    public async Task HoldAsync()
    {
        Volatile.Write(ref open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        while (Volatile.Read(ref forwarding) > 0)
        {
            await Task.Delay(1);
        }
    }

    public void Release() => Volatile.Read(ref open).TrySetResult();

    /// <summary>Resets every open client connection.</summary>
    public void DropConnections()
    {
        lock (clients)
        {
            foreach (var client in clients)
            {
                client.LingerState = new LingerOption(true, 0);
                client.Close();
            }

            clients.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        Release();
        await acceptLoop;
        stopping.Dispose();
    }

    private static TaskCompletionSource Opened()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref connections);
            lock (clients)
            {
                clients.Add(client);
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using (client)
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort(), stopping.Token);
            }
            catch (SocketException)
            {
                return;
            }

            await Task.WhenAny(PumpAsync(client, upstream, gated: true), PumpAsync(upstream, client, gated: false));
            // Whichever side ends, end the other abruptly: a half-sent message must never be completed.
            upstream.LingerState = new LingerOption(true, 0);
            lock (clients)
            {
                if (clients.Remove(client))
                {
                    client.LingerState = new LingerOption(true, 0);
                }
            }
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool gated)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, stopping.Token);
                if (read == 0)
                {
                    return;
                }

                if (gated && RefusedRecipient(buffer.AsSpan(0, read)) is { } reply)
                {
                    await from.SendAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), SocketFlags.None, stopping.Token);
                    continue;
                }

                if (gated && !await EnterForwardAsync(from))
                {
                    return;
                }

                if (!gated)
                {
                    HidePipelining(buffer.AsSpan(0, read));
                }

                try
                {
                    await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stopping.Token);
                }
                finally
                {
                    if (gated)
                    {
                        Interlocked.Decrement(ref forwarding);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Waits while held; false when the client died meanwhile (what it sent is then dropped, not forwarded).</summary>
    private async Task<bool> EnterForwardAsync(Socket client)
    {
        var waited = false;
        while (true)
        {
            var gate = Volatile.Read(ref open).Task;
            if (!gate.IsCompleted)
            {
                waited = true;
                await gate;
            }

            Interlocked.Increment(ref forwarding);
            if (!Volatile.Read(ref open).Task.IsCompleted)
            {
                // A hold began between the check and the increment: wait for the release.
                Interlocked.Decrement(ref forwarding);
                continue;
            }

            if (waited && HasClosed(client))
            {
                Interlocked.Decrement(ref forwarding);
                return false;
            }

            return true;
        }
    }

    /// <summary>The sender writes one command at a time and waits for its reply, so a RCPT arrives as one chunk.</summary>
    private string? RefusedRecipient(ReadOnlySpan<byte> chunk)
    {
        var line = Encoding.ASCII.GetString(chunk);
        if (!line.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var address = line["RCPT TO:".Length..].Trim().TrimStart('<').Split('>')[0];
        return RecipientReply(address);
    }

    /// <summary>Renames the PIPELINING line of an EHLO reply to an extension no client knows (same length, so one buffer).</summary>
    private static void HidePipelining(Span<byte> reply)
    {
        var at = reply.IndexOf("PIPELINING\r\n"u8);
        if (at >= 0)
        {
            "XPIPELININ\r\n"u8.CopyTo(reply[at..]);
        }
    }

    private static bool HasClosed(Socket socket) => socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
}
