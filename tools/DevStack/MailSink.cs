using System.Globalization;
using System.Net;

namespace Shop.DevStack;

/// <summary>
/// maildev: an SMTP server that keeps every mail and lists them over HTTP (`GET /email`). Given a login, it offers
/// AUTH and accepts mail only from a client that signed in with it.
/// </summary>
public sealed class MailSink(int smtpPort, int webPort, StackPaths paths, string repositoryRoot, string name = "mail", NetworkCredential? login = null)
    : StackComponent(name, smtpPort, paths)
{
    public int WebPort => webPort;

    public string WebUrl => $"http://127.0.0.1:{webPort}";

    /// <summary>The connection string the AppHost injects as ConnectionStrings__mail.</summary>
    public string ConnectionString => login is null
        ? $"Endpoint=smtp://127.0.0.1:{Port}"
        : $"Endpoint=smtp://127.0.0.1:{Port};Username={login.UserName};Password={login.Password}";

    protected override string CommandLineMarker => $"--smtp {Port}";

    protected override ProcessSpec CreateSpec() => new(
        Tools.Require("node", "install Node.js 20"),
        [
            Tools.NodePackageScript(repositoryRoot, "maildev/bin/maildev"),
            "--smtp", Port.ToString(CultureInfo.InvariantCulture),
            "--web", webPort.ToString(CultureInfo.InvariantCulture),
            "--ip", "127.0.0.1",
            "--web-ip", "127.0.0.1",
            "--mail-directory", Paths.DataFor(Name),
            .. login is null ? Array.Empty<string>() : ["--incoming-user", login.UserName, "--incoming-pass", login.Password],
        ])
    {
        LogFile = LogFile,
    };

    protected override Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (Ports.IsInUse(webPort))
        {
            throw new StackException($"Port {webPort} for the mail web UI is already in use by another process.");
        }

        // maildev creates only the last folder of its mail directory.
        Directory.CreateDirectory(Paths.DataFor(Name));
        return Task.CompletedTask;
    }

    protected override async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        await base.WaitUntilReadyAsync(cancellationToken);
        await Ports.WaitForListenerAsync(webPort, StartTimeout, () => IsRunning, $"{Name} web UI (log: {LogFile})");
    }
}
