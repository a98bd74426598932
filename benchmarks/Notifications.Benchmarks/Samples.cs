using System.Globalization;

namespace Shop.Notifications.Benchmarks;

/// <summary>Latencies in milliseconds, summarised by nearest-rank percentiles.</summary>
internal sealed class Samples(IEnumerable<double> milliseconds)
{
    private readonly double[] sorted = milliseconds.Order().ToArray();

    public int Count => sorted.Length;

    public double Percentile(double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {Percentile(50),7:0.0} ms   p90 {Percentile(90),7:0.0} ms   p99 {Percentile(99),7:0.0} ms   max {sorted[^1],7:0.0} ms   (n={Count})");
}
