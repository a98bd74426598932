using System.Net.Sockets;
using System.Text.Json;

namespace Shop.Nats.Protocol;

/// <summary>
/// One TCP connection to the server, from handshake to close: one read loop that parses into the handler,
/// the command writer's loop, and keepalive pings. A new session is made for every reconnect.
/// </summary>
internal sealed class NatsSession : IAsyncDisposable
{
    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly ReceiveBuffer receive;
    private Exception? abortReason;

    private NatsSession(Socket socket, NetworkStream stream, ReceiveBuffer receive, ServerInfo info)
    {
        this.socket = socket;
        this.stream = stream;
        this.receive = receive;
        Info = info;
    }

    public ServerInfo Info { get; }

    /// <summary>TCP connect, INFO, CONNECT + PING, and PONG (accepted) or -ERR (refused), all within ConnectTimeout.</summary>
    public static async Task<NatsSession> ConnectAsync(NatsUrl url, NatsOpts opts, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(opts.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(url.Host, url.Port, timeout.Token).ConfigureAwait(false);
            var stream = new NetworkStream(socket, ownsSocket: true);
            var receive = new ReceiveBuffer();
            var handshake = new HandshakeHandler();
            await ReadUntilAsync(stream, receive, handshake, () => handshake.Info is not null, timeout.Token).ConfigureAwait(false);
            var info = JsonSerializer.Deserialize(handshake.Info, NatsJsonContext.Default.ServerInfo)
                ?? throw new NatsProtocolException("The server sent an empty INFO.");
            if (info.TlsRequired)
            {
                throw new NatsException($"{url.Redacted} requires TLS, which this client does not implement.");
            }

            var connect = new ConnectOptions { Name = opts.Name, Echo = opts.Echo, User = url.User, Pass = url.Password };
            await stream.WriteAsync(CommandEncoder.ConnectAndPing(connect), timeout.Token).ConfigureAwait(false);
            await ReadUntilAsync(stream, receive, handshake, () => handshake.Pong || handshake.Error is not null, timeout.Token).ConfigureAwait(false);
            if (handshake.Error is { } error)
            {
                throw IsAuthorizationError(error)
                    ? new NatsAuthorizationException($"{error} (check the user and password in the URL for {url.Redacted})")
                    : new NatsServerErrorException(error);
            }

            return new NatsSession(socket, stream, receive, info);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new NatsTimeoutException($"Connecting to {url.Redacted} took longer than {opts.ConnectTimeout.TotalSeconds:0.#} s.");
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new NatsException($"Could not connect to {url.Redacted}: {exception.Message}", exception);
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
        var writing = WriteLoopAsync(writer, stop.Token);
        var pinging = PingLoopAsync(writer, opts, stop.Token);
        Exception reason;
        try
        {
            await ReadLoopAsync(handler).ConfigureAwait(false);
            reason = new NatsException("nats-server closed the connection.");
        }
        catch (Exception exception)
        {
            reason = exception;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        Abort(null);
        await Task.WhenAll(writing, pinging).ConfigureAwait(false);
        return abortReason ?? reason;
    }

    /// <summary>Closes the socket, which ends the read loop; the reason (if any) is what RunAsync reports.</summary>
    public void Abort(Exception? reason)
    {
        Interlocked.CompareExchange(ref abortReason, reason, null);
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already disconnected.
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }

        socket.Dispose();
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();

    private static bool IsAuthorizationError(string error) =>
        error.Contains("authorization", StringComparison.OrdinalIgnoreCase) || error.Contains("authentication", StringComparison.OrdinalIgnoreCase);

    private static async Task ReadUntilAsync(NetworkStream stream, ReceiveBuffer receive, IProtocolHandler handler, Func<bool> done, CancellationToken ct)
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

            var read = await stream.ReadAsync(receive.GetReadMemory(), ct).ConfigureAwait(false);
            if (read == 0)
            {
                throw new NatsException("nats-server closed the connection during the handshake.");
            }

            receive.Advance(read);
        }
    }

    private async Task ReadLoopAsync(IProtocolHandler handler)
    {
        while (true)
        {
            var read = await stream.ReadAsync(receive.GetReadMemory()).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            receive.Advance(read);
            receive.ParseAll(handler);
        }
    }

    private async Task WriteLoopAsync(CommandWriter writer, CancellationToken ct)
    {
        try
        {
            await writer.RunWriterAsync(stream, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception exception)
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
