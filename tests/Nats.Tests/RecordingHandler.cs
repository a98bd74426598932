using System.Text;
using Shop.Nats.Protocol;

namespace Shop.Nats.Tests;

/// <summary>Writes down what the parser reports, as text, so tests compare whole sequences.</summary>
internal sealed class RecordingHandler : IProtocolHandler
{
    public List<string> Frames { get; } = [];

    public List<(string Subject, long Sid, string ReplyTo, byte[] Headers, byte[] Payload)> Messages { get; } = [];

    public void OnMessage(ReadOnlySpan<byte> subject, long sid, ReadOnlySpan<byte> replyTo, ReadOnlySpan<byte> headers, ReadOnlySpan<byte> payload)
    {
        Messages.Add((Encoding.UTF8.GetString(subject), sid, Encoding.UTF8.GetString(replyTo), headers.ToArray(), payload.ToArray()));
        Frames.Add($"MSG {Encoding.UTF8.GetString(subject)} {sid} {Encoding.UTF8.GetString(replyTo)} h={headers.Length} p={Encoding.UTF8.GetString(payload)}");
    }

    public void OnPing() => Frames.Add("PING");

    public void OnPong() => Frames.Add("PONG");

    public void OnInfo(ReadOnlySpan<byte> json) => Frames.Add($"INFO {Encoding.UTF8.GetString(json)}");

    public void OnError(string error) => Frames.Add($"ERR {error}");
}
