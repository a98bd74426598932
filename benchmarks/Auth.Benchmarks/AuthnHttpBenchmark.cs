using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Shop.Gateway.Benchmarks;

namespace Shop.Auth.Benchmarks;

/// <summary>Requests per second, and the server's CPU time per request, for one URL.</summary>
internal sealed record HttpThroughput(double RequestsPerSecond, double ServerCpuMicroseconds);

/// <summary>Load from wrk (one thread, 32 connections, like environment.md's reference figures) against a running server.</summary>
internal static partial class AuthnHttpBenchmark
{
    public static async Task<HttpThroughput> RunAsync(int serverPid, string url, TimeSpan duration, params string[] headers)
    {
        var arguments = new List<string> { "-t1", "-c32", $"-d{(int)duration.TotalSeconds}s" };
        foreach (var header in headers)
        {
            arguments.Add("-H");
            arguments.Add(header);
        }

        arguments.Add(url);
        var cpuBefore = ProcessCpu.Of(serverPid);
        var start = new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var serverCpu = ProcessCpu.Of(serverPid) - cpuBefore;

        if (NonSuccess().Match(output) is { Success: true } failures)
        {
            throw new InvalidOperationException($"{failures.Groups[1].Value} responses to {url} were not 2xx: the measurement would not be of the path meant.");
        }

        var requests = Requests().Match(output);
        var perSecond = RequestsPerSecond().Match(output);
        if (!requests.Success || !perSecond.Success)
        {
            throw new InvalidOperationException($"wrk printed no totals:\n{output}{await wrk.StandardError.ReadToEndAsync()}");
        }

        return new HttpThroughput(
            double.Parse(perSecond.Groups[1].Value, CultureInfo.InvariantCulture),
            serverCpu.TotalMicroseconds / long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
