namespace Shop.Messaging;

/// <summary>A durable consumer: its name (shared by every replica) and the subjects it reads.</summary>
public sealed record ConsumerRegistration(string DurableName, string FilterSubject);
