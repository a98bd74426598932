using System.Text.Json.Serialization;

namespace Shop.Nats;

/// <summary>
/// A pull consumer's configuration. <see cref="AckPolicy"/> starts as Explicit and is always sent
/// (the server reads a missing ack_policy as none). Durations travel as nanoseconds; defaults are not sent.
/// </summary>
public sealed record ConsumerConfig
{
    public ConsumerConfig()
    {
    }

    /// <summary>A durable consumer: sets both <see cref="Name"/> and <see cref="DurableName"/> (2.9 needs durable_name to keep it).</summary>
    public ConsumerConfig(string name)
    {
        Name = name;
        DurableName = name;
    }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("durable_name")]
    public string? DurableName { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("deliver_policy")]
    public ConsumerConfigDeliverPolicy DeliverPolicy { get; set; }

    [JsonPropertyName("opt_start_seq")]
    public ulong OptStartSeq { get; set; }

    [JsonPropertyName("opt_start_time")]
    public DateTimeOffset? OptStartTime { get; set; }

    [JsonPropertyName("ack_policy")]
    public ConsumerConfigAckPolicy AckPolicy { get; set; } = ConsumerConfigAckPolicy.Explicit;

    /// <summary>How long a delivery may stay unacknowledged before it is redelivered (server default 30 s).</summary>
    [JsonPropertyName("ack_wait")]
    public TimeSpan AckWait { get; set; }

    /// <summary>Deliveries before the server gives up on a message (server default: unlimited).</summary>
    [JsonPropertyName("max_deliver")]
    public long MaxDeliver { get; set; }

    /// <summary>Replaces ack_wait: entry i is the wait after delivery i+1, the last one repeats; needs MaxDeliver above its count.</summary>
    [JsonPropertyName("backoff")]
    public IReadOnlyList<TimeSpan>? Backoff { get; set; }

    [JsonPropertyName("filter_subject")]
    public string? FilterSubject { get; set; }

    [JsonPropertyName("replay_policy")]
    public ConsumerConfigReplayPolicy ReplayPolicy { get; set; }

    [JsonPropertyName("max_waiting")]
    public long MaxWaiting { get; set; }

    [JsonPropertyName("max_ack_pending")]
    public long MaxAckPending { get; set; }

    [JsonPropertyName("headers_only")]
    public bool HeadersOnly { get; set; }

    [JsonPropertyName("max_batch")]
    public long MaxBatch { get; set; }

    [JsonPropertyName("max_expires")]
    public TimeSpan MaxExpires { get; set; }

    [JsonPropertyName("max_bytes")]
    public long MaxBytes { get; set; }

    [JsonPropertyName("inactive_threshold")]
    public TimeSpan InactiveThreshold { get; set; }

    [JsonPropertyName("num_replicas")]
    public int NumReplicas { get; set; }

    [JsonPropertyName("mem_storage")]
    public bool MemStorage { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ConsumerConfigAckPolicy>))]
public enum ConsumerConfigAckPolicy
{
    [JsonStringEnumMemberName("none")]
    None,

    [JsonStringEnumMemberName("all")]
    All,

    [JsonStringEnumMemberName("explicit")]
    Explicit,
}

[JsonConverter(typeof(JsonStringEnumConverter<ConsumerConfigDeliverPolicy>))]
public enum ConsumerConfigDeliverPolicy
{
    [JsonStringEnumMemberName("all")]
    All,

    [JsonStringEnumMemberName("last")]
    Last,

    [JsonStringEnumMemberName("new")]
    New,

    [JsonStringEnumMemberName("by_start_sequence")]
    ByStartSequence,

    [JsonStringEnumMemberName("by_start_time")]
    ByStartTime,

    [JsonStringEnumMemberName("last_per_subject")]
    LastPerSubject,
}

[JsonConverter(typeof(JsonStringEnumConverter<ConsumerConfigReplayPolicy>))]
public enum ConsumerConfigReplayPolicy
{
    [JsonStringEnumMemberName("instant")]
    Instant,

    [JsonStringEnumMemberName("original")]
    Original,
}
