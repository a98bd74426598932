namespace Shop.Messaging.Tests;

/// <summary>A source of events of the tests' own: each test class names a fresh one, so tests never see each other's events.</summary>
public interface ITestSource
{
    static abstract string Name { get; }
}

/// <summary>The tests' event, published by <typeparamref name="TSource"/> as `thing_happened`.</summary>
public sealed record ThingHappened<TSource>(string Kind, int Number) : IIntegrationEvent
    where TSource : ITestSource
{
    public static string EventSource => TSource.Name;

    public static string EventName => "thing_happened";
}

/// <summary>The follow-up a handler publishes for a `chain` event.</summary>
public sealed record ThingFollowed<TSource>(int Number) : IIntegrationEvent
    where TSource : ITestSource
{
    public static string EventSource => TSource.Name;

    public static string EventName => "thing_followed";
}
