namespace Shop.Nats.Tests;

/// <summary>Polling for conditions that become true asynchronously (reconnects, redeliveries, server restarts).</summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(15);

    public static Task TrueAsync(Func<bool> condition, TimeSpan? within = null) =>
        TrueAsync(() => Task.FromResult(condition()), within);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultWithin);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }

    public static Task StateAsync(NatsConnection connection, NatsConnectionState state) =>
        TrueAsync(() => connection.ConnectionState == state);

    /// <summary>Retries while NATS fails, e.g. while JetStream is still loading its streams after a restart.</summary>
    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> action, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultWithin);
        while (true)
        {
            try
            {
                return await action();
            }
            catch (NatsException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
