using System.Text.Json;
using Shop.Nats.Protocol;

namespace Shop.Nats;

/// <summary>What the read loop hands over: dispatch by sid, answer PINGs, track INFO and -ERR.</summary>
public sealed partial class NatsConnection : IProtocolHandler
{
    void IProtocolHandler.OnMessage(ReadOnlySpan<byte> subject, long sid, ReadOnlySpan<byte> replyTo, ReadOnlySpan<byte> headers, ReadOnlySpan<byte> payload)
    {
        // A sid we no longer know is a message that crossed our UNSUB: drop it.
        if (subscriptions.TryGetValue(sid, out var sub))
        {
            sub.Deliver(subject, replyTo, headers, payload);
        }
    }

    void IProtocolHandler.OnPing() => writer.WritePriority(CommandEncoder.Pong);

    void IProtocolHandler.OnPong() => writer.OnPong();

    void IProtocolHandler.OnInfo(ReadOnlySpan<byte> json)
    {
        var info = JsonSerializer.Deserialize(json, NatsJsonContext.Default.ServerInfo);
        if (info is null)
        {
            return;
        }

        ServerInfo = info;
        if (info.LameDuckMode)
        {
            NatsLog.LameDuckMode(logger, url.Redacted);
        }
    }

    void IProtocolHandler.OnError(string error)
    {
        NatsLog.ServerError(logger, error);
        if (IsSubscribeError(error))
        {
            lastSubscribeError = error;
            Interlocked.Increment(ref subscribeErrorCount);
        }

        events.Raise(this, ServerError, new NatsServerErrorEventArgs(error));
    }
}
