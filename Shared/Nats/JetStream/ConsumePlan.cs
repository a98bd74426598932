namespace Shop.Nats;

/// <summary>The numbers a consume loop runs with, derived from <see cref="NatsJSConsumeOpts"/> and checked once.</summary>
internal sealed record ConsumePlan(int Batch, int Threshold, TimeSpan Expires, TimeSpan Heartbeat)
{
    private static readonly TimeSpan MaxHeartbeat = TimeSpan.FromSeconds(30);

    /// <summary>Nothing at all (not even a heartbeat) for this long means the pull was lost: pull again.</summary>
    public TimeSpan IdleTimeout => Heartbeat * 2;

    public static ConsumePlan From(NatsJSConsumeOpts opts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(opts.MaxMsgs, 1, nameof(opts));
        ArgumentOutOfRangeException.ThrowIfLessThan(opts.Expires, TimeSpan.FromMilliseconds(100), nameof(opts));
        var heartbeat = opts.IdleHeartbeat ?? TimeSpan.FromTicks(Math.Min(opts.Expires.Ticks / 2, MaxHeartbeat.Ticks));
        if (heartbeat * 2 > opts.Expires)
        {
            // The server refuses a pull whose heartbeat is more than half its expiry.
            throw new ArgumentException($"IdleHeartbeat {heartbeat} must be at most half of Expires {opts.Expires}.", nameof(opts));
        }

        var threshold = Math.Clamp(opts.ThresholdMsgs ?? opts.MaxMsgs / 2, 0, opts.MaxMsgs - 1);
        return new ConsumePlan(opts.MaxMsgs, threshold, opts.Expires, heartbeat);
    }
}
