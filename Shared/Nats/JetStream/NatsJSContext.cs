using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Shop.Nats.Protocol;

namespace Shop.Nats;

/// <summary>
/// JetStream over a <see cref="NatsConnection"/>, shaped like NATS.Client.JetStream's NatsJSContext:
/// streams, durable pull consumers, and publishing with acks. Every API call is a JSON request on <c>$JS.API.*</c>.
/// </summary>
public sealed partial class NatsJSContext(NatsConnection connection, NatsJSOpts? opts = null)
{
    public NatsConnection Connection { get; } = connection ?? throw new ArgumentNullException(nameof(connection));

    public NatsJSOpts Opts { get; } = opts ?? new NatsJSOpts();

    internal TimeSpan RequestTimeout => Opts.RequestTimeout ?? Connection.Opts.RequestTimeout;

    internal string ApiSubject(string operation) => $"{Opts.ApiPrefix}.{operation}";

    /// <summary>One API round trip: an error in the reply raises <see cref="NatsJSApiException"/>.</summary>
    internal async ValueTask<TResponse> RequestAsync<TRequest, TResponse>(
        string operation,
        TRequest? request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken ct)
    {
        var body = request is null ? [] : JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var reply = await Connection.RequestAsync(ApiSubject(operation), body, timeout: RequestTimeout, ct: ct).ConfigureAwait(false);
        if (JsonSerializer.Deserialize(reply.Data.Span, NatsJsonContext.Default.ApiErrorResponse)?.Error is { } error)
        {
            throw new NatsJSApiException(error);
        }

        return JsonSerializer.Deserialize(reply.Data.Span, responseType)
            ?? throw new NatsJSException($"JetStream sent an empty reply to {operation}.");
    }

    internal ValueTask<TResponse> RequestAsync<TResponse>(string operation, JsonTypeInfo<TResponse> responseType, CancellationToken ct) =>
        RequestAsync(operation, null, NatsJsonContext.Default.ApiErrorResponse, responseType, ct);
}
