namespace Shop.Messaging;

/// <summary>
/// The contract of one integration event: the record is its data (camelCase on the wire), and the type says once
/// who publishes it and what it is called, which gives its subject `msg.&lt;EventSource&gt;.&lt;EventName&gt;` and its
/// CloudEvents type `shop.&lt;EventSource&gt;.&lt;EventName&gt;`.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>The publishing service: `orders`.</summary>
    static abstract string EventSource { get; }

    /// <summary>The event: `order_placed`.</summary>
    static abstract string EventName { get; }
}
