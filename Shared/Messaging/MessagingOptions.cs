namespace Shop.Messaging;

/// <summary>Tuning from configuration section `Messaging` (defaults suit production; tests shorten them).</summary>
public sealed class MessagingOptions
{
    /// <summary>Deliveries of an event whose handler keeps failing before it goes to the dead letters.</summary>
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>How long a delivered, unacked event waits before the server redelivers it (consumer crashed).</summary>
    public TimeSpan AckWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait before delivery n+1 after a failed delivery n; the last value repeats.</summary>
    public TimeSpan[] RetryDelays { get; set; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)];

    /// <summary>Events the relay publishes per database transaction.</summary>
    public int RelayBatchSize { get; set; } = 256;

    /// <summary>The relay looks for pending events at least this often (NOTIFY usually wakes it sooner).</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages a consumer asks for per pull.</summary>
    public int ConsumerBatchSize { get; set; } = 64;

    /// <summary>How long the stream keeps events (and consumers' inboxes their handled ids, a little longer).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan RetryDelayAfter(ulong delivery) =>
        RetryDelays.Length == 0 ? TimeSpan.Zero : RetryDelays[(int)Math.Min(delivery, (ulong)RetryDelays.Length) - 1];
}
