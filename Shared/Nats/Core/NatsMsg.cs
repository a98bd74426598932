namespace Shop.Nats;

/// <summary>A received message. <see cref="Data"/> is the message's own copy of the payload.</summary>
public readonly record struct NatsMsg(
    string Subject,
    string? ReplyTo,
    NatsHeaders? Headers,
    ReadOnlyMemory<byte> Data,
    NatsConnection? Connection)
{
    /// <summary>The server's 503 status: a request found nobody subscribed.</summary>
    public bool HasNoResponders => Headers is { Code: 503 } && Data.IsEmpty;

    /// <summary>Publishes to <see cref="ReplyTo"/>.</summary>
    public ValueTask ReplyAsync(
        ReadOnlyMemory<byte> data = default,
        NatsHeaders? headers = null,
        string? replyTo = null,
        CancellationToken ct = default)
    {
        if (Connection is null || ReplyTo is null)
        {
            throw new InvalidOperationException("This message has no reply subject or no connection to reply on.");
        }

        return Connection.PublishAsync(ReplyTo, data, headers, replyTo, ct);
    }
}
