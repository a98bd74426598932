using System.Text.Json.Serialization;

namespace Shop.Nats;

/// <summary>The stream's acknowledgement of a publish; <see cref="Duplicate"/> means the Nats-Msg-Id was already stored (Seq is the original's).</summary>
public sealed record PubAckResponse
{
    [JsonPropertyName("stream")]
    public string? Stream { get; set; }

    [JsonPropertyName("seq")]
    public ulong Seq { get; set; }

    [JsonPropertyName("duplicate")]
    public bool Duplicate { get; set; }

    [JsonPropertyName("domain")]
    public string? Domain { get; set; }

    [JsonPropertyName("error")]
    public ApiError? Error { get; set; }

    public void EnsureSuccess()
    {
        if (Error is not null)
        {
            throw new NatsJSApiException(Error);
        }
    }
}
