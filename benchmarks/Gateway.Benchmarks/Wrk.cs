using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Shop.Gateway.Benchmarks;

internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors);

/// <summary>Runs wrk (one thread, as environment.md's reference figures) and reads its latency distribution.</summary>
internal static partial class Wrk
{
    /// <param name="headers">Request headers as wrk takes them, e.g. `Authorization: Bearer ...`.</param>
    public static async Task<WrkResult> RunAsync(string url, int connections, TimeSpan duration, params IEnumerable<string> headers)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var header in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        start.ArgumentList.Add(url);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk could not start (apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed: {await process.StandardError.ReadToEndAsync()}");
        }

        var errors = NonSuccess().Match(output) is { Success: true } non ? long.Parse(non.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += SocketErrors().Matches(output).Sum(match => long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        return new WrkResult(
            double.Parse(Throughput().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50%"),
            Percentile(output, "99%"),
            long.Parse(Total().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            errors);
    }

    private static double Percentile(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "s" => value * 1000,
            _ => value,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Throughput();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Total();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}
