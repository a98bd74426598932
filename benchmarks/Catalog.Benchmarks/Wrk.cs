using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Shop.Catalog.Benchmarks;

/// <summary>Runs wrk (Debian package) against one URL and reads requests/s and the latency percentiles it prints.</summary>
internal static partial class Wrk
{
    public static async Task<LoadResult> RunAsync(string url, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk", ["-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed: {output}{await process.StandardError.ReadToEndAsync()}");
        }

        var errors = NonSuccess().Match(output) is { Success: true } failed ? int.Parse(failed.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new LoadResult(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50%"),
            Percentile(output, "99%"),
            errors);
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "s" => value * 1000,
            _ => value,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}

/// <summary>One wrk run: throughput, median and 99th percentile latency in milliseconds, responses that were not 2xx.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, int NonSuccess);
