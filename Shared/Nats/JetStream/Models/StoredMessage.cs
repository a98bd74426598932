using System.Text.Json.Serialization;
using Shop.Nats.Protocol;

namespace Shop.Nats;

/// <summary>A message read straight from a stream by sequence (STREAM.MSG.GET), e.g. to dead-letter it.</summary>
public sealed record StoredMessage
{
    [JsonPropertyName("subject")]
    public string Subject { get; set; } = string.Empty;

    [JsonPropertyName("seq")]
    public ulong Sequence { get; set; }

    /// <summary>The raw header block (base64 on the wire); see <see cref="Headers"/>.</summary>
    [JsonPropertyName("hdrs")]
    public byte[]? RawHeaders { get; set; }

    [JsonPropertyName("data")]
    public byte[]? Data { get; set; }

    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; set; }

    [JsonIgnore]
    public NatsHeaders? Headers => RawHeaders is { Length: > 0 } raw ? HeaderCodec.Parse(raw) : null;
}
