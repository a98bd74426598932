using System.Globalization;

namespace Shop.DevStack;

/// <summary>maildev: an SMTP server that keeps every mail and lists them over HTTP (`GET /email`).</summary>
public sealed class MailSink(int smtpPort, int webPort, StackPaths paths, string repositoryRoot) : StackComponent("mail", smtpPort, paths)
{
    public int WebPort => webPort;

    public string WebUrl => $"http://127.0.0.1:{webPort}";

    /// <summary>The connection string the AppHost injects as ConnectionStrings__mail.</summary>
    public string ConnectionString => $"Endpoint=smtp://127.0.0.1:{Port}";

    protected override string CommandLineMarker => $"--smtp {Port}";

    protected override ProcessSpec CreateSpec() => new(
        Tools.Require("node", "install Node.js 20"),
        [
            Tools.NodePackageScript(repositoryRoot, "maildev/bin/maildev"),
            "--smtp", Port.ToString(CultureInfo.InvariantCulture),
            "--web", webPort.ToString(CultureInfo.InvariantCulture),
            "--ip", "127.0.0.1",
            "--web-ip", "127.0.0.1",
            "--mail-directory", Paths.DataFor("mail"),
        ])
    {
        LogFile = LogFile,
    };

    protected override Task PrepareAsync(CancellationToken cancellationToken) =>
        Ports.IsInUse(webPort)
            ? throw new StackException($"Port {webPort} for the mail web UI is already in use by another process.")
            : Task.CompletedTask;

    protected override async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        await base.WaitUntilReadyAsync(cancellationToken);
        await Ports.WaitForListenerAsync(webPort, StartTimeout, () => IsRunning, $"{Name} web UI (log: {LogFile})");
    }
}
