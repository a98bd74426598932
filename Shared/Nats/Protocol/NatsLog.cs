using Microsoft.Extensions.Logging;

namespace Shop.Nats.Protocol;

/// <summary>Every log line of the client, so the wording and levels of state changes stay in one place.</summary>
internal static partial class NatsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "NATS connected to {Url} (server {ServerName} {Version}, max_payload {MaxPayload})")]
    public static partial void Connected(ILogger logger, string url, string serverName, string version, int maxPayload);

    [LoggerMessage(Level = LogLevel.Information, Message = "NATS reconnected to {Url} after {Attempts} attempt(s); replayed {Subscriptions} subscription(s)")]
    public static partial void Reconnected(ILogger logger, string url, int attempts, int subscriptions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS disconnected from {Url}: {Reason}; reconnecting")]
    public static partial void Disconnected(ILogger logger, string url, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "NATS reconnect attempt {Attempt} to {Url} failed: {Reason}")]
    public static partial void ReconnectAttemptFailed(ILogger logger, int attempt, string url, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "NATS gave up on {Url}: {Reason}")]
    public static partial void Failed(ILogger logger, string url, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "NATS connection to {Url} closed")]
    public static partial void Closed(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "nats-server error: {Error}")]
    public static partial void ServerError(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "nats-server {Url} entered lame-duck mode and will shut down soon")]
    public static partial void LameDuckMode(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS subscription {Subject} is full ({Pending} pending): dropping messages until its reader catches up")]
    public static partial void MessageDropped(ILogger logger, string subject, int pending);

    [LoggerMessage(Level = LogLevel.Error, Message = "A NATS event handler threw")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "JetStream consumer {Stream}/{Consumer}: {Status}")]
    public static partial void PullStatus(ILogger logger, string stream, string consumer, string status);
}
