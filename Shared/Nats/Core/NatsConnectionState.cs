namespace Shop.Nats;

public enum NatsConnectionState
{
    Closed,
    Open,
    Connecting,
    Reconnecting,

    /// <summary>The client gave up (repeated authorization failures or MaxReconnectRetry reached).</summary>
    Failed,
}
