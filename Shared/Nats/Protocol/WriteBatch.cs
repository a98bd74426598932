using System.Net.Sockets;

namespace Shop.Nats.Protocol;

/// <summary>What one writer took from the queue: the priority bytes first, then whole chunks, in order.</summary>
internal sealed class WriteBatch
{
    private readonly Queue<CommandQueue.Chunk> chunks = new();
    private byte[] priority = [];
    private int priorityLength;

    public bool IsEmpty => priorityLength == 0 && chunks.Count == 0;

    public void Add(ReadOnlySpan<byte> priorityBytes, List<CommandQueue.Chunk> taken)
    {
        if (priorityBytes.Length > priority.Length)
        {
            priority = new byte[Math.Max(priorityBytes.Length, 1024)];
        }

        priorityBytes.CopyTo(priority);
        priorityLength = priorityBytes.Length;
        foreach (var chunk in taken)
        {
            chunks.Enqueue(chunk);
        }
    }

    /// <summary>Sends everything (blocking); each chunk is released as soon as it is on the socket.</summary>
    public void Send(Socket socket, Action<CommandQueue.Chunk> release)
    {
        SendAll(socket, priority.AsSpan(0, priorityLength));
        priorityLength = 0;
        while (chunks.TryPeek(out var chunk))
        {
            SendAll(socket, chunk.Memory.Span);
            release(chunks.Dequeue());
        }
    }

    /// <summary>The socket failed: what it did not take is lost (NATS core delivery is at most once).</summary>
    public void Drop(Action<CommandQueue.Chunk> release)
    {
        priorityLength = 0;
        while (chunks.TryDequeue(out var chunk))
        {
            release(chunk);
        }
    }

    public static void SendAll(Socket socket, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[socket.Send(bytes)..];
        }
    }
}
