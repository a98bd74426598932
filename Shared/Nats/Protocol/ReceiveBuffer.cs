namespace Shop.Nats.Protocol;

/// <summary>
/// The read side's one buffer: the socket reads into its free tail, the parser consumes complete frames
/// from its head. It compacts when the tail runs short and grows only for a frame larger than itself.
/// </summary>
internal sealed class ReceiveBuffer
{
    private const int InitialSize = 64 * 1024;
    private const int MinimumReadSize = 4 * 1024;

    private byte[] buffer = new byte[InitialSize];
    private int start;
    private int end;
    private int requiredLength;

    public int Unconsumed => end - start;

    /// <summary>Free space to read into; at least what the next incomplete frame still needs.</summary>
    public Memory<byte> GetReadMemory()
    {
        var needed = Math.Max(requiredLength, Unconsumed + MinimumReadSize);
        if (buffer.Length - start < needed || buffer.Length - end < MinimumReadSize)
        {
            var target = needed > buffer.Length ? new byte[Math.Max(needed, buffer.Length * 2)] : buffer;
            Buffer.BlockCopy(buffer, start, target, 0, Unconsumed);
            buffer = target;
            end = Unconsumed;
            start = 0;
        }

        return buffer.AsMemory(end);
    }

    public void Advance(int count) => end += count;

    /// <summary>Hands every complete frame to the handler.</summary>
    public void ParseAll(IProtocolHandler handler)
    {
        Consume(ProtocolParser.ParseAll(buffer.AsSpan(start, Unconsumed), handler, out requiredLength));
    }

    /// <summary>Hands at most one complete frame to the handler (the handshake reads frame by frame).</summary>
    public bool TryParseFrame(IProtocolHandler handler)
    {
        var parsed = ProtocolParser.TryParseFrame(buffer.AsSpan(start, Unconsumed), handler, out var frameLength, out requiredLength);
        Consume(frameLength);
        return parsed;
    }

    private void Consume(int count)
    {
        start += count;
        if (start == end)
        {
            start = end = 0;
        }
    }
}
