namespace Shop.Notifications.Sending;

/// <summary>Exponential backoff with jitter: 1 s, 2 s, 4 s, ... up to a cap.</summary>
internal static class RetryBackoff
{
    public static TimeSpan After(int attempts, TimeSpan max)
    {
        var exponential = TimeSpan.FromSeconds(Math.Pow(2, Math.Clamp(attempts - 1, 0, 20)));
        var capped = exponential < max ? exponential : max;
        // Up to 20 % less, so mails refused together do not all come back in the same instant.
        return capped * (1 - (Random.Shared.NextDouble() * 0.2));
    }
}
