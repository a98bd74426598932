using System.Text.Json.Serialization;

namespace Shop.Nats;

/// <summary>
/// A stream's configuration. Durations travel as nanoseconds. A property left at its default is not sent,
/// so the server applies its own default (e.g. duplicate_window 2 min, unlimited limits).
/// </summary>
public sealed record StreamConfig
{
    public StreamConfig()
    {
    }

    public StreamConfig(string name, ICollection<string> subjects)
    {
        Name = name;
        Subjects = subjects;
    }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("subjects")]
    public ICollection<string>? Subjects { get; set; }

    [JsonPropertyName("retention")]
    public StreamConfigRetention Retention { get; set; }

    [JsonPropertyName("storage")]
    public StreamConfigStorage Storage { get; set; }

    [JsonPropertyName("discard")]
    public StreamConfigDiscard Discard { get; set; }

    [JsonPropertyName("max_consumers")]
    public long MaxConsumers { get; set; }

    [JsonPropertyName("max_msgs")]
    public long MaxMsgs { get; set; }

    [JsonPropertyName("max_bytes")]
    public long MaxBytes { get; set; }

    [JsonPropertyName("max_age")]
    public TimeSpan MaxAge { get; set; }

    [JsonPropertyName("max_msgs_per_subject")]
    public long MaxMsgsPerSubject { get; set; }

    [JsonPropertyName("max_msg_size")]
    public int MaxMsgSize { get; set; }

    [JsonPropertyName("num_replicas")]
    public int NumReplicas { get; set; }

    /// <summary>How long <c>Nats-Msg-Id</c> values are remembered for de-duplication.</summary>
    [JsonPropertyName("duplicate_window")]
    public TimeSpan DuplicateWindow { get; set; }

    [JsonPropertyName("deny_delete")]
    public bool DenyDelete { get; set; }

    [JsonPropertyName("deny_purge")]
    public bool DenyPurge { get; set; }

    [JsonPropertyName("allow_rollup_hdrs")]
    public bool AllowRollupHdrs { get; set; }

    [JsonPropertyName("allow_direct")]
    public bool AllowDirect { get; set; }

    [JsonPropertyName("discard_new_per_subject")]
    public bool DiscardNewPerSubject { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<StreamConfigRetention>))]
public enum StreamConfigRetention
{
    [JsonStringEnumMemberName("limits")]
    Limits,

    [JsonStringEnumMemberName("interest")]
    Interest,

    [JsonStringEnumMemberName("workqueue")]
    Workqueue,
}

[JsonConverter(typeof(JsonStringEnumConverter<StreamConfigStorage>))]
public enum StreamConfigStorage
{
    [JsonStringEnumMemberName("file")]
    File,

    [JsonStringEnumMemberName("memory")]
    Memory,
}

[JsonConverter(typeof(JsonStringEnumConverter<StreamConfigDiscard>))]
public enum StreamConfigDiscard
{
    [JsonStringEnumMemberName("old")]
    Old,

    [JsonStringEnumMemberName("new")]
    New,
}
