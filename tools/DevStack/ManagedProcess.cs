using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Shop.DevStack;

/// <summary>What to run: program, arguments, environment, working directory and log file.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
    public string? WorkingDirectory { get; init; }
    public required string LogFile { get; init; }

    /// <summary>Run under this Unix account (PostgreSQL refuses to run as root).</summary>
    public string? RunAs { get; init; }

    /// <summary>The signal that asks the program for a clean shutdown (PostgreSQL: SIGINT, a fast shutdown).</summary>
    public int StopSignal { get; init; } = Signals.Term;
}

public static class Signals
{
    public const int Int = 2;
    public const int Kill = 9;
    public const int Term = 15;
}

/// <summary>
/// A process the stack started. It runs in its own session (setsid) with output appended to its log
/// file, so it outlives the command that started it (`./shop up`) and can be stopped later by PID.
/// </summary>
public sealed class ManagedProcess
{
    private readonly int stopSignal;

    private ManagedProcess(int pid, int stopSignal)
    {
        Pid = pid;
        this.stopSignal = stopSignal;
    }

    public int Pid { get; }

    public bool IsRunning => IsAlive(Pid);

    public static ManagedProcess Start(ProcessSpec spec)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(spec.LogFile)!);
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            WorkingDirectory = spec.WorkingDirectory ?? System.Environment.CurrentDirectory,
        };
        // setsid -> sh (redirects output, then execs) -> [setpriv ->] program: the PID we get is the program's.
        foreach (var argument in new[] { "sh", "-c", "exec \"$@\" >>\"$LOGFILE\" 2>&1 </dev/null", "sh" }.Concat(CommandLine(spec)))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LOGFILE"] = spec.LogFile;
        foreach (var (key, value) in spec.Environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {spec.FileName}.");
        return new ManagedProcess(process.Id, spec.StopSignal);
    }

    /// <summary>Runs a short command (initdb, pg_isready) to its end, appending its output to the spec's log file.</summary>
    public static async Task<int> RunToCompletionAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var command = CommandLine(spec).ToList();
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {spec.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(spec.LogFile)!);
        await File.AppendAllTextAsync(spec.LogFile, await output + await errors, cancellationToken);
        return process.ExitCode;
    }

    /// <summary>Re-attaches to a process started earlier, if it still runs the expected program.</summary>
    public static ManagedProcess? Attach(int pid, string expectedCommandLinePart, int stopSignal = Signals.Term) =>
        IsAlive(pid) && CommandLine(pid).Contains(expectedCommandLinePart, StringComparison.Ordinal)
            ? new ManagedProcess(pid, stopSignal)
            : null;

    /// <summary>SIGKILL to the whole process group (PostgreSQL's backends too): the crash the fault tests need.</summary>
    public void Kill() => Signal(-Pid, Signals.Kill);

    /// <summary>SIGTERM, then SIGKILL if it has not exited within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        Signal(Pid, stopSignal);
        if (!await WaitForExitAsync(grace))
        {
            Kill();
            await WaitForExitAsync(TimeSpan.FromSeconds(5));
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    private static bool IsAlive(int pid)
    {
        // A zombie (exited, not yet reaped) counts as gone.
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>The program and its arguments, behind setpriv when it must run as another account.</summary>
    private static IEnumerable<string> CommandLine(ProcessSpec spec)
    {
        if (spec.RunAs is { } user)
        {
            yield return "setpriv";
            yield return $"--reuid={user}";
            yield return $"--regid={user}";
            yield return "--init-groups";
            yield return "--";
        }

        yield return spec.FileName;
        foreach (var argument in spec.Arguments)
        {
            yield return argument;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static void Signal(int target, int signal)
    {
        if (IsAlive(Math.Abs(target)))
        {
            _ = NativeMethods.kill(target, signal);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int kill(int pid, int sig);
    }
}
