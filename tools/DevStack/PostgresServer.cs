using System.Globalization;

namespace Shop.DevStack;

/// <summary>
/// PostgreSQL 15 on a private data directory. Password (scram) on TCP, as the AppHost's container has.
/// PostgreSQL refuses to run as root, so as root it runs as the `postgres` account on a directory that account owns.
/// </summary>
public sealed class PostgresServer(int port, StackPaths paths, string password, bool durable)
    : StackComponent("postgres", port, paths)
{
    public const string User = "postgres";

    private string DataDirectory => Path.Combine(Paths.DataFor("postgres"), "pgdata");

    private string SocketDirectory => Paths.DataFor("postgres");

    protected override string CommandLineMarker => $"-p {Port}";

    /// <summary>The connection string Aspire injects as ConnectionStrings__&lt;database&gt;.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Password={password};Database={database}";

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        Directory.CreateDirectory(SocketDirectory);
        var passwordFile = Path.Combine(SocketDirectory, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            await GiveToPostgresAccountAsync(cancellationToken);
            await RunToCompletionAsync(
                new ProcessSpec(
                    Tools.Require("initdb", "install PostgreSQL 15 (apt-get install postgresql)"),
                    ["-D", DataDirectory, "-U", User, "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"])
                {
                    LogFile = LogFile,
                    RunAs = Tools.IsRoot ? User : null,
                },
                cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    protected override ProcessSpec CreateSpec()
    {
        List<string> arguments = ["-D", DataDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", SocketDirectory, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"];
        if (!durable)
        {
            // Test stacks throw their data away: trade crash safety for speed.
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        return new ProcessSpec(Tools.Require("postgres", "install PostgreSQL 15 (apt-get install postgresql)"), arguments)
        {
            LogFile = LogFile,
            RunAs = Tools.IsRoot ? User : null,
            StopSignal = Signals.Int,
        };
    }

    protected override async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        await base.WaitUntilReadyAsync(cancellationToken);

        // Listening comes before recovery ends; pg_isready says when connections are accepted.
        var deadline = DateTime.UtcNow + StartTimeout;
        while (await RunAsync(Tools.Require("pg_isready", "install the PostgreSQL client"), ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture)], cancellationToken) != 0)
        {
            if (DateTime.UtcNow > deadline || !IsRunning)
            {
                throw new StackException($"postgres did not accept connections within {StartTimeout.TotalSeconds:0} s (log: {LogFile}).");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task GiveToPostgresAccountAsync(CancellationToken cancellationToken)
    {
        if (Tools.IsRoot)
        {
            await RunToCompletionAsync(new ProcessSpec("chown", ["-R", $"{User}:{User}", SocketDirectory]) { LogFile = LogFile }, cancellationToken);
        }
    }

    private Task<int> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        ManagedProcess.RunToCompletionAsync(new ProcessSpec(program, arguments) { LogFile = LogFile, RunAs = Tools.IsRoot ? User : null }, cancellationToken);

    private async Task RunToCompletionAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var exitCode = await ManagedProcess.RunToCompletionAsync(spec, cancellationToken);
        if (exitCode != 0)
        {
            throw new StackException($"`{Path.GetFileName(spec.FileName)}` failed with exit code {exitCode} (log: {LogFile}).");
        }
    }
}
