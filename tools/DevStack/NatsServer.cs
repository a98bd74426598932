namespace Shop.DevStack;

/// <summary>nats-server with JetStream, a store directory and a user/password, as the AppHost runs it.</summary>
public sealed class NatsServer(int port, StackPaths paths, string user, string password)
    : StackComponent("nats", port, paths)
{
    /// <summary>The connection string Aspire injects as ConnectionStrings__nats.</summary>
    public string ConnectionString => $"nats://{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password)}@127.0.0.1:{Port}";

    protected override string CommandLineMarker => $"-p {Port}";

    protected override ProcessSpec CreateSpec() => new(
        Tools.Require("nats-server", "./shop installs it from Debian (apt-get install nats-server)"),
        ["-js", "-sd", Paths.DataFor("nats"), "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--user", user, "--pass", password])
    {
        LogFile = LogFile,
    };
}
