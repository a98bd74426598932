using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Shop.Nats;

/// <summary>Connection options; the names and defaults follow NATS.Client.Core's NatsOpts.</summary>
public sealed record NatsOpts
{
    public static readonly NatsOpts Default = new();

    /// <summary><c>nats://[user:pass@]host:port</c>; the credentials are taken from the URL.</summary>
    public string Url { get; init; } = "nats://localhost:4222";

    /// <summary>Client name shown by the server's monitoring.</summary>
    public string Name { get; init; } = "shop-nats";

    /// <summary>Whether the server sends this connection its own publishes back.</summary>
    public bool Echo { get; init; } = true;

    public string InboxPrefix { get; init; } = "_INBOX";

    public TimeSpan PingInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Unanswered keepalive pings after which the socket counts as dead and the client reconnects.</summary>
    public int MaxPingOut { get; init; } = 2;

    public TimeSpan ReconnectWaitMin { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan ReconnectWaitMax { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ReconnectJitter { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Reconnect attempts before giving up; -1 retries forever.</summary>
    public int MaxReconnectRetry { get; init; } = -1;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Bytes of publishes kept while the connection is down; when full, publishing throws
    /// <see cref="NatsReconnectBufferFullException"/>. While connected it is the point where publishers wait for the socket.
    /// </summary>
    public int MaxReconnectBufferBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Messages a subscription holds before new ones are dropped (and logged).</summary>
    public int SubPendingChannelCapacity { get; init; } = 16 * 1024;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
