using System.Text.Json.Serialization;

namespace Shop.Nats;

/// <summary>A JetStream API error: an HTTP-like <see cref="Code"/> and the precise <see cref="ErrCode"/> (e.g. 10059 stream not found).</summary>
public sealed record ApiError
{
    [JsonPropertyName("code")]
    public int Code { get; set; }

    [JsonPropertyName("err_code")]
    public int ErrCode { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}
