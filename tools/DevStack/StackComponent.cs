namespace Shop.DevStack;

/// <summary>
/// One process of the local stack (a server or a service instance) on a fixed loopback port.
/// Its PID is kept in a file so a later `./shop down` or `status` finds it again.
/// </summary>
public abstract class StackComponent
{
    private ManagedProcess? process;

    protected StackComponent(string name, int port, StackPaths paths)
    {
        Name = name;
        Port = port;
        Paths = paths;
        process = ReadPidFile();
    }

    public string Name { get; }

    public int Port { get; }

    public StackPaths Paths { get; }

    public string LogFile => Path.Combine(Paths.Logs, $"{Name}.log");

    public bool IsRunning => process?.IsRunning == true;

    public int? Pid => IsRunning ? process!.Pid : null;

    /// <summary>How long a clean stop may take before the process is killed.</summary>
    protected virtual TimeSpan StopGrace => TimeSpan.FromSeconds(10);

    protected virtual TimeSpan StartTimeout => TimeSpan.FromSeconds(30);

    /// <summary>Text that appears in the process's command line and identifies it (guards against reused PIDs).</summary>
    protected abstract string CommandLineMarker { get; }

    /// <summary>Starts the process unless it already runs, and waits until it is ready.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        if (Ports.IsInUse(Port))
        {
            throw new StackException($"Port {Port} for {Name} is already in use by another process. Stop it or choose another port (see `./shop help`).");
        }

        await PrepareAsync(cancellationToken);
        var spec = CreateSpec();
        process = ManagedProcess.Start(spec);
        new PidRecord(Name, process.Pid, CommandLineMarker, spec.StopSignal, Port).Write(Paths);
        await WaitUntilReadyAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        if (process is { } running)
        {
            await running.StopAsync(StopGrace);
        }

        File.Delete(PidRecord.FileFor(Paths, Name));
    }

    /// <summary>SIGKILL, no cleanup: what a crash looks like.</summary>
    public async Task KillAsync()
    {
        if (process is { } running)
        {
            running.Kill();
            await running.WaitForExitAsync(TimeSpan.FromSeconds(10));

            // The main thread shows as a zombie a moment before the other threads have exited and closed the
            // process's sockets: a restart right away would find the port still taken.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (Ports.IsInUse(Port) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await StartAsync(cancellationToken);
    }

    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected abstract ProcessSpec CreateSpec();

    protected virtual Task WaitUntilReadyAsync(CancellationToken cancellationToken) =>
        Ports.WaitForListenerAsync(Port, StartTimeout, () => IsRunning, $"{Name} (log: {LogFile})");

    private ManagedProcess? ReadPidFile() =>
        PidRecord.Read(PidRecord.FileFor(Paths, Name)) is { } record && record.Marker == CommandLineMarker ? record.Attach() : null;
}
