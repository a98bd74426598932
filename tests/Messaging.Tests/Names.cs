namespace Shop.Messaging.Tests;

/// <summary>Fresh names, so tests never share events or tables.</summary>
public static class Names
{
    public static string Source() => "t" + Guid.NewGuid().ToString("N")[..10];

    public static string Database() => "msg_" + Guid.NewGuid().ToString("N")[..12];
}
