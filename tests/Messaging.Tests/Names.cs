namespace Shop.Messaging.Tests;

/// <summary>Each test publishes under its own source and uses its own database, so tests never see each other's events.</summary>
public static class Names
{
    public static string Source() => "t" + Guid.NewGuid().ToString("N")[..10];

    public static string Database() => "msg_" + Guid.NewGuid().ToString("N")[..12];
}
