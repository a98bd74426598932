using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Shop.Nats.Protocol;

namespace Shop.Nats;

/// <summary>
/// A connection to one nats-server, shaped like NATS.Client.Core's NatsConnection. It connects on
/// <see cref="ConnectAsync"/> (or the first operation), then keeps itself connected: when the socket dies it
/// reconnects with backoff and jitter, replays every subscription, and then sends what was published meanwhile.
/// </summary>
public sealed partial class NatsConnection : IAsyncDisposable
{
    private static readonly TimeSpan DisposeFlushTimeout = TimeSpan.FromSeconds(2);

    private readonly NatsUrl url;
    private readonly ILogger logger;
    private readonly CommandWriter writer;
    private readonly EventDispatcher events;
    private readonly ConcurrentDictionary<long, NatsSubBase> subscriptions = new();
    private readonly SemaphoreSlim connectLock = new(1, 1);
    private readonly CancellationTokenSource disposing = new();
    private volatile NatsConnectionState state = NatsConnectionState.Closed;
    private Task? supervisor;
    private long lastSid;
    private int disposed;

    public NatsConnection()
        : this(NatsOpts.Default)
    {
    }

    public NatsConnection(NatsOpts opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        Opts = opts;
        url = NatsUrl.Parse(opts.Url);
        logger = opts.LoggerFactory.CreateLogger<NatsConnection>();
        writer = new CommandWriter(opts.MaxReconnectBufferBytes);
        events = new EventDispatcher(logger);
    }

    public event EventHandler<NatsEventArgs>? ConnectionOpened;

    public event EventHandler<NatsEventArgs>? ConnectionDisconnected;

    public event EventHandler<NatsEventArgs>? ReconnectFailed;

    public event EventHandler<NatsServerErrorEventArgs>? ServerError;

    public event EventHandler<NatsMessageDroppedEventArgs>? MessageDropped;

    public NatsOpts Opts { get; }

    public NatsConnectionState ConnectionState => state;

    /// <summary>The latest INFO from the server; null before the first connect.</summary>
    public ServerInfo? ServerInfo { get; private set; }

    /// <summary>Connects, or returns at once when already connected or reconnecting.</summary>
    public async ValueTask ConnectAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(disposed != 0, this);
        if (supervisor is not null)
        {
            ThrowIfFailed();
            return;
        }

        await connectLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (supervisor is not null)
            {
                return;
            }

            state = NatsConnectionState.Connecting;
            NatsSession first;
            try
            {
                first = await NatsSession.ConnectAsync(url, Opts, ct).ConfigureAwait(false);
            }
            catch
            {
                state = NatsConnectionState.Closed;
                throw;
            }

            OnSessionOpened(first);
            NatsLog.Connected(logger, url.Redacted, first.Info.Name, first.Info.Version, first.Info.MaxPayload);
            supervisor = Task.Run(() => SuperviseAsync(first));
        }
        finally
        {
            connectLock.Release();
        }
    }

    /// <summary>Sends what callers queued (briefly waiting for it), closes the socket and completes every subscription.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        if (state == NatsConnectionState.Open)
        {
            try
            {
                await writer.PingAsync().WaitAsync(DisposeFlushTimeout).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NatsException or TimeoutException)
            {
                // Closing anyway; what was not flushed is lost, as with any core publish.
            }
        }

        // Cancelling aborts the current session, which ends the supervisor.
        await disposing.CancelAsync().ConfigureAwait(false);
        if (supervisor is not null)
        {
            await supervisor.ConfigureAwait(false);
        }

        CloseEverything(() => new ObjectDisposedException(nameof(NatsConnection)), error: null);
        state = NatsConnectionState.Closed;
        NatsLog.Closed(logger, url.Redacted);
        await events.CompleteAsync().ConfigureAwait(false);
        disposing.Dispose();
        connectLock.Dispose();
    }

    internal long NextSid() => Interlocked.Increment(ref lastSid);

    internal void OnMessageDropped(string subject, int pending)
    {
        NatsLog.MessageDropped(logger, subject, pending);
        events.Raise(this, MessageDropped, new NatsMessageDroppedEventArgs(subject, pending));
    }

    private ValueTask EnsureConnectedAsync(CancellationToken ct)
    {
        if (supervisor is null)
        {
            return ConnectAsync(ct);
        }

        ThrowIfFailed();
        return ValueTask.CompletedTask;
    }

    private void ThrowIfFailed()
    {
        if (state == NatsConnectionState.Failed)
        {
            throw new NatsException($"The connection to {url.Redacted} gave up reconnecting; create a new NatsConnection.");
        }
    }

    /// <summary>Replays subscriptions ahead of buffered publishes, then opens the connection for business.</summary>
    private void OnSessionOpened(NatsSession opened)
    {
        ServerInfo = opened.Info;
        writer.Attach(
            opened.Socket,
            subscriptions.Values.Select(sub => sub.SubscribeCommand),
            error => opened.Abort(new NatsException($"Writing to nats-server failed: {error.Message}", error)));
        state = NatsConnectionState.Open;
        events.Raise(this, ConnectionOpened, new NatsEventArgs($"Connected to {url.Redacted}"));
    }

    private void CloseEverything(Func<Exception> writeError, Exception? error)
    {
        writer.Close(writeError);
        foreach (var sub in subscriptions.Values)
        {
            sub.OnClosed(error);
        }

        subscriptions.Clear();
    }
}
