using System.Threading.Channels;

namespace Shop.Nats;

/// <summary>A live subscription; its messages arrive in <see cref="Msgs"/>, which completes on unsubscribe or close.</summary>
public interface INatsSub : IAsyncDisposable
{
    string Subject { get; }

    string? QueueGroup { get; }

    ChannelReader<NatsMsg> Msgs { get; }

    ValueTask UnsubscribeAsync();
}
