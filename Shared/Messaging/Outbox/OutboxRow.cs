namespace Shop.Messaging;

internal sealed record OutboxRow(long Seq, Guid Id, string Subject, byte[] Payload, string? TraceParent);
