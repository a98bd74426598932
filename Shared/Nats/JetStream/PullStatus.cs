using System.Globalization;

namespace Shop.Nats;

internal enum PullStatusKind
{
    /// <summary>100 Idle Heartbeat: the pull is alive.</summary>
    Heartbeat,

    /// <summary>404/408: a pull request ended without filling its batch.</summary>
    RequestEnded,

    /// <summary>409 that goes away by itself (max_waiting reached, leadership change): pull again later.</summary>
    Transient,

    /// <summary>503: the consumer or stream is gone, or JetStream is not (yet) available.</summary>
    NoResponders,

    /// <summary>400 and other 409s: a pull that can never succeed (consumer deleted, limits exceeded).</summary>
    Fatal,
}

/// <summary>A status message sent to a pull inbox (empty body, status line in the headers).</summary>
internal readonly record struct PullStatus(PullStatusKind Kind, int UnfilledMessages, string Description)
{
    /// <summary>Unknown how much of the request is left unfilled: treat all of it as ended.</summary>
    public const int AllUnfilled = -1;

    /// <summary>Whether a message in a pull inbox is a status rather than a delivery (deliveries carry no status code).</summary>
    public static bool TryFrom(NatsMsg msg, out PullStatus status)
    {
        if (msg.Headers is not { Code: > 0 } headers)
        {
            status = default;
            return false;
        }

        status = From(headers);
        return true;
    }

    private static PullStatus From(NatsHeaders headers)
    {
        var description = $"{headers.Code} {headers.Message}".TrimEnd();
        var kind = headers.Code switch
        {
            100 => PullStatusKind.Heartbeat,
            404 or 408 => PullStatusKind.RequestEnded,
            409 when IsTransientConflict(headers.Message) => PullStatusKind.Transient,
            503 => PullStatusKind.NoResponders,
            _ => PullStatusKind.Fatal,
        };
        var unfilled = int.TryParse(headers["Nats-Pending-Messages"], NumberStyles.None, CultureInfo.InvariantCulture, out var pending)
            ? pending
            : AllUnfilled;
        return new PullStatus(kind, unfilled, description);
    }

    private static bool IsTransientConflict(string? message) =>
        message is not null
        && (message.Contains("Exceeded MaxWaiting", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Leadership Change", StringComparison.OrdinalIgnoreCase));
}
