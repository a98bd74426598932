namespace Shop.Nats;

/// <summary>A durable pull consumer.</summary>
public interface INatsJSConsumer
{
    /// <summary>The consumer's info as of creation or the last <see cref="RefreshAsync"/>.</summary>
    ConsumerInfo Info { get; }

    /// <summary>
    /// Messages as they come, keeping pull requests outstanding (pulls again below the threshold), across reconnects,
    /// until <paramref name="ct"/> is cancelled (the stream then just ends) or the connection closes.
    /// </summary>
    IAsyncEnumerable<NatsJSMsg> ConsumeAsync(NatsJSConsumeOpts? opts = null, CancellationToken ct = default);

    /// <summary>One pull: up to MaxMsgs messages, fewer when Expires passes first.</summary>
    IAsyncEnumerable<NatsJSMsg> FetchAsync(NatsJSFetchOpts opts, CancellationToken ct = default);

    /// <summary>One message, or null when none arrives within <paramref name="expires"/> (default 30 s).</summary>
    ValueTask<NatsJSMsg?> NextAsync(TimeSpan? expires = null, CancellationToken ct = default);

    ValueTask RefreshAsync(CancellationToken ct = default);
}
