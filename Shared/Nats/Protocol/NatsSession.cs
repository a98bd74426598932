using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Shop.Nats.Protocol;

/// <summary>
/// One TCP connection to the server, from handshake to close: a read thread that parses into the handler,
/// a write thread for the command writer, and keepalive pings. A new session is made for every reconnect.
/// </summary>
/// <remarks>
/// The socket is only ever used synchronously, from dedicated threads (and inline sends), so .NET keeps it in
/// blocking mode: the kernel wakes the read thread directly, without the epoll thread and a thread-pool hop in
/// between. Each hop saved is latency saved on every request/reply round trip.
/// </remarks>
internal sealed class NatsSession
{
    private readonly ReceiveBuffer receive;
    private Exception? abortReason;

    private NatsSession(Socket socket, ReceiveBuffer receive, ServerInfo info)
    {
        Socket = socket;
        this.receive = receive;
        Info = info;
    }

    public ServerInfo Info { get; }

    public Socket Socket { get; }

    /// <summary>TCP connect, INFO, CONNECT + PING, and PONG (accepted) or -ERR (refused), all within ConnectTimeout.</summary>
    public static async Task<NatsSession> ConnectAsync(NatsUrl url, NatsOpts opts, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(opts.ConnectTimeout);
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(url.Host, timeout.Token).ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            throw new NatsException($"Could not resolve {url.Redacted}: {exception.Message}", exception);
        }

        var socket = new Socket(addresses[0].AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Blocking calls on a worker thread; the timeout (or ct) closes the socket, which ends them.
            using var closeOnTimeout = timeout.Token.Register(socket.Dispose);
            return await Task.Run(() => Handshake(socket, new IPEndPoint(addresses[0], url.Port), url, opts), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            socket.Dispose();
            ct.ThrowIfCancellationRequested();
            throw timeout.IsCancellationRequested
                ? new NatsTimeoutException($"Connecting to {url.Redacted} took longer than {opts.ConnectTimeout.TotalSeconds:0.#} s.")
                : new NatsException($"Could not connect to {url.Redacted}: {exception.Message}", exception);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Runs until the socket closes or fails; returns why (never throws).</summary>
    public async Task<Exception> RunAsync(IProtocolHandler handler, CommandWriter writer, NatsOpts opts)
    {
        using var stop = new CancellationTokenSource();
        var writing = StartThread("nats-write", () => WriteLoop(writer, stop.Token));
        var reading = StartThread("nats-read", () => ReadLoop(handler));
        var pinging = PingLoopAsync(writer, opts, stop.Token);
        var reason = await reading.ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        Abort(null);
        await Task.WhenAll(writing, pinging).ConfigureAwait(false);
        return abortReason ?? reason ?? new NatsException("nats-server closed the connection.");
    }

    /// <summary>Closes the socket, which ends the read thread; the reason (if any) is what RunAsync reports.</summary>
    public void Abort(Exception? reason)
    {
        Interlocked.CompareExchange(ref abortReason, reason, null);
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        Socket.Dispose();
    }

    private static NatsSession Handshake(Socket socket, IPEndPoint endpoint, NatsUrl url, NatsOpts opts)
    {
        socket.Connect(endpoint);
        var receive = new ReceiveBuffer();
        var handshake = new HandshakeHandler();
        ReadUntil(socket, receive, handshake, () => handshake.Info is not null);
        var info = JsonSerializer.Deserialize(handshake.Info, NatsJsonContext.Default.ServerInfo)
            ?? throw new NatsProtocolException("The server sent an empty INFO.");
        if (info.TlsRequired)
        {
            throw new NatsException($"{url.Redacted} requires TLS, which this client does not implement.");
        }

        if (!info.HeadersSupported)
        {
            throw new NatsException($"{url.Redacted} does not support headers (nats-server 2.2 or later is needed).");
        }

        var connect = new ConnectOptions { Name = opts.Name, Echo = opts.Echo, User = url.User, Pass = url.Password };
        WriteBatch.SendAll(socket, CommandEncoder.ConnectAndPing(connect));
        ReadUntil(socket, receive, handshake, () => handshake.Pong || handshake.Error is not null);
        if (handshake.Error is { } error)
        {
            throw IsAuthorizationError(error)
                ? new NatsAuthorizationException($"{error} (check the user and password in the URL for {url.Redacted})")
                : new NatsServerErrorException(error);
        }

        return new NatsSession(socket, receive, info);
    }

    private static bool IsAuthorizationError(string error) =>
        error.Contains("authorization", StringComparison.OrdinalIgnoreCase) || error.Contains("authentication", StringComparison.OrdinalIgnoreCase);

    private static void ReadUntil(Socket socket, ReceiveBuffer receive, IProtocolHandler handler, Func<bool> done)
    {
        while (true)
        {
            while (!done() && receive.TryParseFrame(handler))
            {
            }

            if (done())
            {
                return;
            }

            var read = socket.Receive(receive.GetReadMemory().Span);
            if (read == 0)
            {
                throw new NatsException("nats-server closed the connection during the handshake.");
            }

            receive.Advance(read);
        }
    }

    /// <summary>A dedicated background thread; the task completes with the exception that ended it (null for a clean end).</summary>
    private static Task<Exception?> StartThread(string name, Action body)
    {
        var done = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                body();
                done.SetResult(null);
            }
            catch (Exception exception)
            {
                done.SetResult(exception);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }

    private void ReadLoop(IProtocolHandler handler)
    {
        while (true)
        {
            var read = Socket.Receive(receive.GetReadMemory().Span);
            if (read == 0)
            {
                return;
            }

            receive.Advance(read);
            receive.ParseAll(handler);
        }
    }

    private void WriteLoop(CommandWriter writer, CancellationToken ct)
    {
        try
        {
            writer.RunWriter(Socket, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            Abort(new NatsException($"Writing to nats-server failed: {exception.Message}", exception));
        }
    }

    private async Task PingLoopAsync(CommandWriter writer, NatsOpts opts, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(opts.PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                if (!writer.TrySendKeepalive(opts.MaxPingOut))
                {
                    Abort(new NatsException($"Stale connection: {opts.MaxPingOut} keepalive pings went unanswered."));
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is NatsException or ObjectDisposedException)
        {
            // The connection was closed for good while the timer ran.
        }
    }
}
