using System.Diagnostics;
using System.Text.Json;

namespace Shop.Nats.Benchmarks;

/// <summary>
/// benchmarks/nats-js/bench.mjs (the official JavaScript client) as a long-lived child process: it stays connected
/// and warm between workloads, like our client does, and answers each workload name with one JSON line.
/// </summary>
internal sealed class NodeClientBenchmark : IClientBenchmark
{
    private readonly Process node;

    private NodeClientBenchmark(Process node) => this.node = node;

    public static NodeClientBenchmark Start(string scriptDirectory, string url, Workloads sizes)
    {
        if (!Directory.Exists(Path.Combine(scriptDirectory, "node_modules", "nats")))
        {
            throw new InvalidOperationException($"Run `npm ci` in {scriptDirectory} first (benchmarks/nats.sh does).");
        }

        var start = new ProcessStartInfo("node", ["bench.mjs", url])
        {
            WorkingDirectory = scriptDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        foreach (var (name, value) in sizes.ToEnvironment())
        {
            start.Environment[name] = value;
        }

        return new NodeClientBenchmark(Process.Start(start) ?? throw new InvalidOperationException("Could not start node."));
    }

    public async Task<Measurement> RunAsync(string workload)
    {
        await node.StandardInput.WriteLineAsync(workload);
        await node.StandardInput.FlushAsync();
        var line = await node.StandardOutput.ReadLineAsync()
            ?? throw new InvalidOperationException($"The node benchmark exited during {workload} (exit code {(node.HasExited ? node.ExitCode : -1)}).");
        using var json = JsonDocument.Parse(line);
        return new Measurement(
            json.RootElement.GetProperty("perSecond").GetDouble(),
            json.RootElement.GetProperty("cpuMicrosecondsPerOp").GetDouble());
    }

    public async ValueTask DisposeAsync()
    {
        node.StandardInput.Close();
        await node.WaitForExitAsync();
        node.Dispose();
    }
}
