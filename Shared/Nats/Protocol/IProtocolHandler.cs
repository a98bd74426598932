namespace Shop.Nats.Protocol;

/// <summary>
/// Receives what the parser reads from the server. Spans point into the receive buffer and are valid
/// only during the call, so a handler copies what it keeps. Called on the read loop: never block.
/// </summary>
internal interface IProtocolHandler
{
    /// <summary>MSG (headers empty) or HMSG.</summary>
    void OnMessage(ReadOnlySpan<byte> subject, long sid, ReadOnlySpan<byte> replyTo, ReadOnlySpan<byte> headers, ReadOnlySpan<byte> payload);

    void OnPing();

    void OnPong();

    void OnInfo(ReadOnlySpan<byte> json);

    /// <summary>-ERR, with the surrounding quotes removed.</summary>
    void OnError(string error);
}
