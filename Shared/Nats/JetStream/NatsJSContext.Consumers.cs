using Shop.Nats.Protocol;

namespace Shop.Nats;

public sealed partial class NatsJSContext
{
    /// <summary>
    /// Creates the consumer, or updates it when it exists (2.9 treats every create as create-or-update; fields such as
    /// deliver_policy cannot change and fail with 10012). A config with a name makes a durable consumer.
    /// </summary>
    public async ValueTask<INatsJSConsumer> CreateOrUpdateConsumerAsync(string stream, ConsumerConfig config, CancellationToken ct = default)
    {
        SubjectValidator.ValidateName(stream, nameof(stream));
        ArgumentNullException.ThrowIfNull(config);
        var name = config.Name ?? config.DurableName;
        if (name is not null)
        {
            SubjectValidator.ValidateName(name, nameof(config));
        }

        var info = await RequestAsync(
            name is null ? $"CONSUMER.CREATE.{stream}" : $"CONSUMER.CREATE.{stream}.{name}",
            new CreateConsumerRequest { StreamName = stream, Config = config },
            NatsJsonContext.Default.CreateConsumerRequest,
            NatsJsonContext.Default.ConsumerInfo,
            ct).ConfigureAwait(false);
        return new NatsJSConsumer(this, info);
    }

    public async ValueTask<INatsJSConsumer> GetConsumerAsync(string stream, string name, CancellationToken ct = default)
    {
        var info = await GetConsumerInfoAsync(stream, name, ct).ConfigureAwait(false);
        return new NatsJSConsumer(this, info);
    }

    public async ValueTask<bool> DeleteConsumerAsync(string stream, string name, CancellationToken ct = default)
    {
        SubjectValidator.ValidateName(stream, nameof(stream));
        SubjectValidator.ValidateName(name, nameof(name));
        var response = await RequestAsync($"CONSUMER.DELETE.{stream}.{name}", NatsJsonContext.Default.ApiSuccessResponse, ct).ConfigureAwait(false);
        return response.Success;
    }

    internal ValueTask<ConsumerInfo> GetConsumerInfoAsync(string stream, string name, CancellationToken ct)
    {
        SubjectValidator.ValidateName(stream, nameof(stream));
        SubjectValidator.ValidateName(name, nameof(name));
        return RequestAsync($"CONSUMER.INFO.{stream}.{name}", NatsJsonContext.Default.ConsumerInfo, ct);
    }
}
