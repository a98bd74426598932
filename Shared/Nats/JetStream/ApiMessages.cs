using System.Text.Json.Serialization;

namespace Shop.Nats.Protocol;

/// <summary>Any API response, read only for its error.</summary>
internal sealed record ApiErrorResponse
{
    [JsonPropertyName("error")]
    public ApiError? Error { get; set; }
}

internal sealed record ApiSuccessResponse
{
    [JsonPropertyName("success")]
    public bool Success { get; set; }
}

internal sealed record CreateConsumerRequest
{
    [JsonPropertyName("stream_name")]
    public required string StreamName { get; init; }

    [JsonPropertyName("config")]
    public required ConsumerConfig Config { get; init; }
}

internal sealed record StreamMsgGetRequest
{
    [JsonPropertyName("seq")]
    public ulong Seq { get; init; }
}

internal sealed record StreamMsgGetResponse
{
    [JsonPropertyName("message")]
    public StoredMessage? Message { get; set; }
}

/// <summary>The body of a pull request to <c>CONSUMER.MSG.NEXT</c>.</summary>
internal sealed record PullRequest
{
    [JsonPropertyName("batch")]
    public int Batch { get; init; }

    [JsonPropertyName("expires")]
    public TimeSpan Expires { get; init; }

    [JsonPropertyName("idle_heartbeat")]
    public TimeSpan IdleHeartbeat { get; init; }

    [JsonPropertyName("no_wait")]
    public bool NoWait { get; init; }
}
