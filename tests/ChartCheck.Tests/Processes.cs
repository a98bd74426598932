using System.Diagnostics;

namespace Shop.ChartCheck.Tests;

/// <summary>Runs a program of this machine (helm, dotnet, bash) to the end and keeps what it printed.</summary>
internal static class Processes
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public Result Succeeded(string what) =>
            ExitCode == 0 ? this : throw new Xunit.Sdk.XunitException($"{what} exited {ExitCode}:\n{Output}\n{Error}");
    }

    public static Result Run(string program, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? RepositoryPaths.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
