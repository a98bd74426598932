namespace Shop.Nats.Protocol;

/// <summary>Collects what the server says during the handshake: its INFO, then PONG (accepted) or -ERR (refused).</summary>
internal sealed class HandshakeHandler : IProtocolHandler
{
    public byte[]? Info { get; private set; }

    public bool Pong { get; private set; }

    public string? Error { get; private set; }

    public void OnInfo(ReadOnlySpan<byte> json) => Info = json.ToArray();

    public void OnPong() => Pong = true;

    public void OnError(string error) => Error = error;

    public void OnPing()
    {
        // The server pings only after minutes; nothing to answer during a handshake that takes milliseconds.
    }

    public void OnMessage(ReadOnlySpan<byte> subject, long sid, ReadOnlySpan<byte> replyTo, ReadOnlySpan<byte> headers, ReadOnlySpan<byte> payload) =>
        throw new NatsProtocolException("The server sent a message before the handshake completed.");
}
