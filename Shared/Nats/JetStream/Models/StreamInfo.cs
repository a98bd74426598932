using System.Text.Json.Serialization;

namespace Shop.Nats;

public sealed record StreamInfo
{
    [JsonPropertyName("config")]
    public StreamConfig Config { get; set; } = new();

    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; set; }

    [JsonPropertyName("state")]
    public StreamState State { get; set; } = new();
}

public sealed record StreamState
{
    [JsonPropertyName("messages")]
    public ulong Messages { get; set; }

    [JsonPropertyName("bytes")]
    public ulong Bytes { get; set; }

    [JsonPropertyName("first_seq")]
    public ulong FirstSeq { get; set; }

    [JsonPropertyName("first_ts")]
    public DateTimeOffset FirstTs { get; set; }

    [JsonPropertyName("last_seq")]
    public ulong LastSeq { get; set; }

    [JsonPropertyName("last_ts")]
    public DateTimeOffset LastTs { get; set; }

    [JsonPropertyName("num_subjects")]
    public long NumSubjects { get; set; }

    [JsonPropertyName("num_deleted")]
    public long NumDeleted { get; set; }

    [JsonPropertyName("consumer_count")]
    public long ConsumerCount { get; set; }
}
