using Shop.DevStack;
using Shop.Testing;

namespace Shop.Nats.Tests;

/// <summary>A real nats-server with JetStream and a user/password, on a free port, started through DevStack.</summary>
public sealed class NatsServerFixture : IAsyncLifetime
{
    public const string User = "shop";
    public const string Password = "s3cret";

    // Under $SHOP_TEST_STATE_ROOT, so `./shop test` stops a server that a crashed run left behind.
    private readonly string root = TestStacks.NewStateDirectory();

    public NatsServerFixture()
    {
        Server = new NatsServer(Ports.GetFree(), new StackPaths(root), User, Password);
    }

    public NatsServer Server { get; }

    public string Url => Server.ConnectionString;

    public Task InitializeAsync() => Server.StartAsync();

    /// <summary>
    /// Starts the server again after <see cref="NatsServer.KillAsync"/>. Until every client has closed its side, the
    /// killed server's sockets linger (FIN_WAIT2) and DevStack's port check, which binds without SO_REUSEADDR, reports
    /// the port as taken although nats-server itself could bind it: retry for a moment.
    /// </summary>
    public Task RestartAsync() => StartWhenPortIsFreeAsync(Server);

    public static async Task StartWhenPortIsFreeAsync(NatsServer server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                await server.StartAsync();
                return;
            }
            catch (StackException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task DisposeAsync()
    {
        await Server.StopAsync();
        Directory.Delete(root, recursive: true);
    }

    /// <summary>Options that notice a dead server and come back fast, as tests need.</summary>
    public NatsOpts Opts(string? url = null) => new()
    {
        Url = url ?? Url,
        ReconnectWaitMin = TimeSpan.FromMilliseconds(100),
        ReconnectWaitMax = TimeSpan.FromMilliseconds(500),
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    public async Task<NatsConnection> ConnectAsync(NatsOpts? opts = null)
    {
        var connection = new NatsConnection(opts ?? Opts());
        await connection.ConnectAsync();
        return connection;
    }
}
