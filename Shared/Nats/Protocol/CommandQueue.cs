using System.Buffers;

namespace Shop.Nats.Protocol;

/// <summary>
/// Commands waiting to be written: a small priority lane that goes first, then pooled 64 KiB chunks. A command never
/// spans two chunks, so any chunk can be sent (or dropped) on its own. Not thread-safe: <see cref="CommandWriter"/>
/// uses it under its lock.
/// </summary>
internal sealed class CommandQueue
{
    private const int ChunkSize = 64 * 1024;

    private readonly List<Chunk> chunks = [];
    private Chunk? current;
    private byte[] priority = new byte[1024];
    private int priorityLength;

    /// <summary>Chunk bytes queued, or taken by a writer and not yet released.</summary>
    public long PendingBytes { get; private set; }

    public bool IsEmpty => priorityLength == 0 && chunks.Count == 0;

    /// <summary>Room for a command of exactly <paramref name="length"/> bytes; it counts once <see cref="Advance"/> commits it.</summary>
    public Span<byte> GetSpan(int length)
    {
        if (current is null || current.Bytes.Length - current.Length < length)
        {
            current = new Chunk(ArrayPool<byte>.Shared.Rent(Math.Max(length, ChunkSize)));
            chunks.Add(current);
        }

        return current.Bytes.AsSpan(current.Length, length);
    }

    public void Advance(int length)
    {
        current!.Length += length;
        PendingBytes += length;
    }

    public void Write(ReadOnlySpan<byte> command)
    {
        command.CopyTo(GetSpan(command.Length));
        Advance(command.Length);
    }

    public void WritePriority(ReadOnlySpan<byte> command)
    {
        if (priorityLength + command.Length > priority.Length)
        {
            Array.Resize(ref priority, Math.Max(priority.Length * 2, priorityLength + command.Length));
        }

        command.CopyTo(priority.AsSpan(priorityLength));
        priorityLength += command.Length;
    }

    /// <summary>Priority commands belong to one socket (PONGs, its SUB replay): a new socket starts without them.</summary>
    public void ClearPriority() => priorityLength = 0;

    /// <summary>Hands everything to a writer; new commands start a fresh chunk.</summary>
    public void TakeAll(WriteBatch batch)
    {
        batch.Add(priority.AsSpan(0, priorityLength), chunks);
        priorityLength = 0;
        chunks.Clear();
        current = null;
    }

    /// <summary>A taken chunk was sent or dropped.</summary>
    public void Release(Chunk chunk)
    {
        PendingBytes -= chunk.Length;
        ArrayPool<byte>.Shared.Return(chunk.Bytes);
    }

    public void Clear()
    {
        foreach (var chunk in chunks)
        {
            Release(chunk);
        }

        chunks.Clear();
        current = null;
        priorityLength = 0;
    }

    internal sealed class Chunk(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;

        public int Length { get; set; }

        public ReadOnlyMemory<byte> Memory => Bytes.AsMemory(0, Length);
    }
}
