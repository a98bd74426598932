using System.Globalization;

namespace Shop.Nats;

public readonly record struct NatsJSSequencePair(ulong Stream, ulong Consumer);

/// <summary>What a JetStream delivery's ack subject says about it.</summary>
public sealed record NatsJSMsgMetadata(
    NatsJSSequencePair Sequence,
    ulong NumDelivered,
    ulong NumPending,
    DateTimeOffset Timestamp,
    string Stream,
    string Consumer,
    string Domain)
{
    private const int V1TokenCount = 9;
    private const int V2MinTokenCount = 11;

    /// <summary>
    /// Parses <c>$JS.ACK.&lt;stream&gt;.&lt;consumer&gt;.&lt;delivered&gt;.&lt;sseq&gt;.&lt;cseq&gt;.&lt;ns&gt;.&lt;pending&gt;</c> (v1, 9 tokens, what 2.9 sends)
    /// or the v2 form with domain and account hash first (11 or more tokens). Anything else is not a JetStream delivery.
    /// </summary>
    public static NatsJSMsgMetadata? Parse(string? replyTo)
    {
        if (replyTo is null || !replyTo.StartsWith("$JS.ACK.", StringComparison.Ordinal))
        {
            return null;
        }

        var tokens = replyTo.Split('.');
        var (first, domain) = tokens.Length switch
        {
            V1TokenCount => (2, string.Empty),
            >= V2MinTokenCount => (4, tokens[2] == "_" ? string.Empty : tokens[2]),
            _ => (-1, string.Empty),
        };
        if (first < 0
            || !TryParseNumber(tokens[first + 2], out var delivered)
            || !TryParseNumber(tokens[first + 3], out var streamSeq)
            || !TryParseNumber(tokens[first + 4], out var consumerSeq)
            || !long.TryParse(tokens[first + 5], NumberStyles.None, CultureInfo.InvariantCulture, out var nanoseconds)
            || !TryParseNumber(tokens[first + 6], out var pending))
        {
            return null;
        }

        return new NatsJSMsgMetadata(
            new NatsJSSequencePair(streamSeq, consumerSeq),
            delivered,
            pending,
            DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100),
            tokens[first],
            tokens[first + 1],
            domain);
    }

    private static bool TryParseNumber(string text, out ulong value) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
