using System.Text.Json.Serialization;

namespace Shop.Nats.Protocol;

/// <summary>
/// Source-generated JSON for everything on the wire. Defaults are not written (the server then applies its own),
/// and every TimeSpan is nanoseconds.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(NanosecondsConverter)])]
[JsonSerializable(typeof(ServerInfo))]
[JsonSerializable(typeof(ConnectOptions))]
[JsonSerializable(typeof(ApiErrorResponse))]
[JsonSerializable(typeof(ApiSuccessResponse))]
[JsonSerializable(typeof(StreamConfig))]
[JsonSerializable(typeof(StreamInfo))]
[JsonSerializable(typeof(CreateConsumerRequest))]
[JsonSerializable(typeof(ConsumerInfo))]
[JsonSerializable(typeof(PubAckResponse))]
[JsonSerializable(typeof(StreamMsgGetRequest))]
[JsonSerializable(typeof(StreamMsgGetResponse))]
[JsonSerializable(typeof(PullRequest))]
internal sealed partial class NatsJsonContext : JsonSerializerContext;
