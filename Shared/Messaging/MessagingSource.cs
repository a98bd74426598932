namespace Shop.Messaging;

/// <summary>The service's name on the wire: the `&lt;source&gt;` of `msg.&lt;source&gt;.&lt;event&gt;`.</summary>
public sealed record MessagingSource(string Name);
