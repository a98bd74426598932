namespace Shop.Messaging.Tests;

public sealed record ThingHappened(string Name, int Number);
