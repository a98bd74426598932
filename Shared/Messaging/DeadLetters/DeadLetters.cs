using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Shop.Messaging;

/// <summary>
/// Stream `deadletters` (subjects `dlq.>`): messages that can never be handled, kept for an operator to inspect
/// and replay instead of being retried forever or dropped.
/// </summary>
public sealed class DeadLetters(INatsJSContext jetStream)
{
    public const string ReasonHeader = "Shop-Dead-Letter-Reason";
    public const string ConsumerHeader = "Shop-Dead-Letter-Consumer";
    public const string StreamSequenceHeader = "Shop-Dead-Letter-Stream-Sequence";

    /// <summary>Copies a delivered message to `dlq.&lt;its subject&gt;` with why it failed and who gave up on it.</summary>
    public Task PublishAsync(INatsJSMsg<byte[]> message, string consumer, string reason, CancellationToken cancellationToken)
    {
        var sequence = message.Metadata?.Sequence.Stream ?? 0;
        return PublishAsync(message.Subject, message.Data ?? [], message.Headers, consumer, reason, $"{consumer}:{sequence}", sequence, cancellationToken);
    }

    /// <summary>Dead-letters an event after it was consumed (e.g. a mail that failed for good).</summary>
    public Task PublishAsync(CloudEvent envelope, ReadOnlyMemory<byte> body, string consumer, string reason, CancellationToken cancellationToken) =>
        PublishAsync(envelope.Subject, body, null, consumer, reason, $"{consumer}:{envelope.Id}", 0, cancellationToken);

    private async Task PublishAsync(
        string subject,
        ReadOnlyMemory<byte> body,
        NatsHeaders? original,
        string consumer,
        string reason,
        string messageId,
        ulong sequence,
        CancellationToken cancellationToken)
    {
        var headers = new NatsHeaders();
        if (original is not null)
        {
            foreach (var (name, values) in original.Where(header => !header.Key.StartsWith("Nats-", StringComparison.OrdinalIgnoreCase)))
            {
                headers[name] = values;
            }
        }

        // Header values must not contain CR or LF; the full story is in the service's log.
        var oneLine = reason.ReplaceLineEndings(" ");
        headers[ReasonHeader] = oneLine.Length > 500 ? oneLine[..500] : oneLine;
        headers[ConsumerHeader] = consumer;
        if (sequence > 0)
        {
            headers[StreamSequenceHeader] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var ack = await jetStream.PublishAsync(
            EventSubjects.DeadLetterFor(subject),
            body,
            opts: new NatsJSPubOpts { MsgId = messageId },
            headers: headers,
            cancellationToken: cancellationToken);
        if (ack.Error is { } error)
        {
            throw new NatsJSApiException(error);
        }
    }
}
