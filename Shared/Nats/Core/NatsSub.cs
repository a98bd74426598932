using System.Threading.Channels;
using Shop.Nats.Protocol;

namespace Shop.Nats;

/// <summary>
/// A core subscription backed by a bounded channel. When it is full, new messages are dropped; the first drop of each
/// run of drops is logged and raised (once per run, so a slow reader does not also flood the log).
/// </summary>
internal sealed class NatsSub : NatsSubBase, INatsSub
{
    private readonly Channel<NatsMsg> channel;
    private bool dropping;

    public NatsSub(NatsConnection connection, string subject, string? queueGroup, int capacity)
        : base(connection, subject, queueGroup)
    {
        channel = Channel.CreateBounded<NatsMsg>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
    }

    public ChannelReader<NatsMsg> Msgs => channel.Reader;

    public override void Deliver(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> replyTo, ReadOnlySpan<byte> headers, ReadOnlySpan<byte> payload)
    {
        if (channel.Writer.TryWrite(ToMsg(subject, replyTo, headers, payload)))
        {
            dropping = false;
        }
        else if (!dropping)
        {
            dropping = true;
            Connection.OnMessageDropped(Subject, channel.Reader.Count);
        }
    }

    public override void OnClosed(Exception? error) => channel.Writer.TryComplete(error);

    public ValueTask UnsubscribeAsync()
    {
        Connection.RemoveSubscription(this);
        OnClosed(null);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => UnsubscribeAsync();
}
