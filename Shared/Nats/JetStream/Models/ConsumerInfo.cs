using System.Text.Json.Serialization;

namespace Shop.Nats;

public sealed record ConsumerInfo
{
    [JsonPropertyName("stream_name")]
    public string StreamName { get; set; } = string.Empty;

    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; set; }

    [JsonPropertyName("config")]
    public ConsumerConfig Config { get; set; } = new();

    [JsonPropertyName("delivered")]
    public SequenceInfo Delivered { get; set; } = new();

    [JsonPropertyName("ack_floor")]
    public SequenceInfo AckFloor { get; set; } = new();

    [JsonPropertyName("num_ack_pending")]
    public long NumAckPending { get; set; }

    [JsonPropertyName("num_redelivered")]
    public long NumRedelivered { get; set; }

    [JsonPropertyName("num_waiting")]
    public long NumWaiting { get; set; }

    [JsonPropertyName("num_pending")]
    public ulong NumPending { get; set; }
}

public sealed record SequenceInfo
{
    [JsonPropertyName("consumer_seq")]
    public ulong ConsumerSeq { get; set; }

    [JsonPropertyName("stream_seq")]
    public ulong StreamSeq { get; set; }

    [JsonPropertyName("last_active")]
    public DateTimeOffset? LastActive { get; set; }
}
