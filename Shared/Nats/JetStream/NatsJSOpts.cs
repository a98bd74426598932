namespace Shop.Nats;

public sealed record NatsJSOpts
{
    /// <summary>Where the JetStream API listens.</summary>
    public string ApiPrefix { get; init; } = "$JS.API";

    /// <summary>Timeout of API calls and publish acks; null uses NatsOpts.RequestTimeout.</summary>
    public TimeSpan? RequestTimeout { get; init; }
}

/// <summary>Headers that make a JetStream publish idempotent or conditional.</summary>
public sealed record NatsJSPubOpts
{
    /// <summary>Sent as <c>Nats-Msg-Id</c>: a repeat within the stream's duplicate window is acked with Duplicate and not stored again.</summary>
    public string? MsgId { get; init; }

    public string? ExpectedStream { get; init; }

    public ulong? ExpectedLastSequence { get; init; }

    public ulong? ExpectedLastSubjectSequence { get; init; }

    public string? ExpectedLastMsgId { get; init; }
}

public sealed record NatsJSConsumeOpts
{
    /// <summary>Messages asked for per pull; also the most the client holds at once.</summary>
    public int MaxMsgs { get; init; } = 1000;

    /// <summary>How long each pull request lives on the server.</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Heartbeat the server sends while a pull waits; null is half of Expires (at most 30 s).</summary>
    public TimeSpan? IdleHeartbeat { get; init; }

    /// <summary>Pull again when fewer than this many are outstanding; null is half of MaxMsgs.</summary>
    public int? ThresholdMsgs { get; init; }
}

public sealed record NatsJSFetchOpts
{
    public int MaxMsgs { get; init; } = 1;

    /// <summary>How long to wait for MaxMsgs before returning what arrived.</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan? IdleHeartbeat { get; init; }
}

public sealed record AckOpts
{
    /// <summary>Wait for the server to confirm the ack (one round trip per ack).</summary>
    public bool DoubleAck { get; init; }
}
