namespace Shop.Gateway.Analytics;

/// <summary>Tuning of `GET /stats`, bound from the `Analytics` configuration section.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>
    /// How long each service may take to give its totals (all are asked at once): a slower one leaves its part
    /// null, so the page never waits longer than this for the whole answer.
    /// </summary>
    public TimeSpan ServiceTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
