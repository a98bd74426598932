using Shop.Nats.Protocol;

namespace Shop.Nats;

public sealed partial class NatsJSContext
{
    private const int StreamNotFound = 10059;

    public ValueTask<StreamInfo> CreateStreamAsync(StreamConfig config, CancellationToken ct = default) =>
        SendStreamConfigAsync("STREAM.CREATE", config, ct);

    public ValueTask<StreamInfo> UpdateStreamAsync(StreamConfig config, CancellationToken ct = default) =>
        SendStreamConfigAsync("STREAM.UPDATE", config, ct);

    /// <summary>Updates the stream, or creates it when it does not exist; running it again with the same config changes nothing.</summary>
    public async ValueTask<StreamInfo> CreateOrUpdateStreamAsync(StreamConfig config, CancellationToken ct = default)
    {
        try
        {
            return await UpdateStreamAsync(config, ct).ConfigureAwait(false);
        }
        catch (NatsJSApiException exception) when (exception.Error.ErrCode == StreamNotFound)
        {
            return await CreateStreamAsync(config, ct).ConfigureAwait(false);
        }
    }

    public ValueTask<StreamInfo> GetStreamAsync(string name, CancellationToken ct = default)
    {
        SubjectValidator.ValidateName(name, nameof(name));
        return RequestAsync($"STREAM.INFO.{name}", NatsJsonContext.Default.StreamInfo, ct);
    }

    public async ValueTask<bool> DeleteStreamAsync(string name, CancellationToken ct = default)
    {
        SubjectValidator.ValidateName(name, nameof(name));
        var response = await RequestAsync($"STREAM.DELETE.{name}", NatsJsonContext.Default.ApiSuccessResponse, ct).ConfigureAwait(false);
        return response.Success;
    }

    public async ValueTask<bool> PurgeStreamAsync(string name, CancellationToken ct = default)
    {
        SubjectValidator.ValidateName(name, nameof(name));
        var response = await RequestAsync($"STREAM.PURGE.{name}", NatsJsonContext.Default.ApiSuccessResponse, ct).ConfigureAwait(false);
        return response.Success;
    }

    /// <summary>Reads one stored message by sequence (e.g. the one a max-deliveries advisory names).</summary>
    public async ValueTask<StoredMessage> GetMessageAsync(string stream, ulong sequence, CancellationToken ct = default)
    {
        SubjectValidator.ValidateName(stream, nameof(stream));
        var response = await RequestAsync(
            $"STREAM.MSG.GET.{stream}",
            new StreamMsgGetRequest { Seq = sequence },
            NatsJsonContext.Default.StreamMsgGetRequest,
            NatsJsonContext.Default.StreamMsgGetResponse,
            ct).ConfigureAwait(false);
        return response.Message ?? throw new NatsJSException($"Stream {stream} returned no message for sequence {sequence}.");
    }

    private ValueTask<StreamInfo> SendStreamConfigAsync(string operation, StreamConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        SubjectValidator.ValidateName(config.Name ?? string.Empty, nameof(config));
        return RequestAsync($"{operation}.{config.Name}", config, NatsJsonContext.Default.StreamConfig, NatsJsonContext.Default.StreamInfo, ct);
    }
}
