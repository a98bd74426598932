using System.Diagnostics;
using System.Net.Sockets;

namespace Shop.Gateway.Benchmarks;

/// <summary>A proxy under test, run as its own `dotnet` process and killed when the benchmark ends.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process process;

    public ChildProcess(string assembly, int port, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assembly} is missing: run benchmarks/gateway.sh, which builds it in Release.");
        }

        Url = $"http://127.0.0.1:{port}";
        // Run from the build folder, as in a container: appsettings.json (log levels) is read from the content root.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly),
        };
        foreach (var argument in new[] { assembly, "--urls", Url }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Console.Error.WriteLine($"[{Path.GetFileNameWithoutExtension(assembly)}] {line.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Port = port;
    }

    public string Url { get; }

    private int Port { get; }

    /// <summary>CPU time the process has used so far (user + system), from /proc: a cost that neighbours' load barely moves.</summary>
    public TimeSpan CpuTime => ProcessCpu.Of(process.Id);

    public async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }
}
