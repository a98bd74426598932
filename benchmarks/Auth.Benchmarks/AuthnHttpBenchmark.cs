using Shop.Gateway.Benchmarks;

namespace Shop.Auth.Benchmarks;

/// <summary>Requests per second, and the server's CPU time per request, for one URL.</summary>
internal sealed record HttpThroughput(double RequestsPerSecond, double ServerCpuMicroseconds);

/// <summary>Load from wrk (one thread, 32 connections, like environment.md's reference figures) against a running server.</summary>
internal static class AuthnHttpBenchmark
{
    public static async Task<HttpThroughput> RunAsync(int serverPid, string url, TimeSpan duration, params string[] headers)
    {
        var cpuBefore = ProcessCpu.Of(serverPid);
        var result = await Wrk.RunAsync(url, 32, duration, headers);
        var serverCpu = ProcessCpu.Of(serverPid) - cpuBefore;
        if (result.Errors > 0)
        {
            throw new InvalidOperationException($"{result.Errors} requests to {url} failed or were not 2xx: the measurement would not be of the path meant.");
        }

        return new HttpThroughput(result.RequestsPerSecond, serverCpu.TotalMicroseconds / result.Requests);
    }
}
