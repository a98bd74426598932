namespace Shop.Testing;

/// <summary>Polls a condition that becomes true asynchronously (a health probe, a delivered event) until a deadline.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: still {value} after {timeout.TotalSeconds:0.#} s.");
            }

            await Task.Delay(100);
        }
    }
}
