using System.Globalization;

namespace Shop.DevStack;

/// <summary>The ports one stack uses. Replica i of a service gets its own port.</summary>
public sealed class StackPorts
{
    private readonly Func<ShopProject, int, int> servicePort;

    private StackPorts(int postgres, int nats, int storage, int smtp, int mailWeb, Func<ShopProject, int, int> servicePort)
    {
        Postgres = postgres;
        Nats = nats;
        Storage = storage;
        Smtp = smtp;
        MailWeb = mailWeb;
        this.servicePort = servicePort;
    }

    public int Postgres { get; }

    public int Nats { get; }

    public int Storage { get; }

    public int Smtp { get; }

    public int MailWeb { get; }

    public int Service(ShopProject project, int replica) => servicePort(project, replica);

    /// <summary>
    /// `./shop up`'s fixed ports, each overridable with SHOP_&lt;NAME&gt;_PORT (e.g. SHOP_GATEWAY_PORT=8081).
    /// Replica i of a service listens on its port + 10 * i.
    /// </summary>
    public static StackPorts FromEnvironment() => new(
        Read("POSTGRES", 55432),
        Read("NATS", 4222),
        Read("STORAGE", 9000),
        Read("SMTP", 1025),
        Read("MAIL", 1080),
        (project, replica) => Read(project.Name.ToUpperInvariant(), project.DefaultPort) + (10 * replica));

    /// <summary>Ports the OS says are free now: test stacks run beside a developer's `./shop up`.</summary>
    public static StackPorts Free()
    {
        var assigned = new Dictionary<(string, int), int>();
        return new StackPorts(
            DevStack.Ports.GetFree(),
            DevStack.Ports.GetFree(),
            DevStack.Ports.GetFree(),
            DevStack.Ports.GetFree(),
            DevStack.Ports.GetFree(),
            (project, replica) =>
            {
                lock (assigned)
                {
                    var key = (project.Name, replica);
                    return assigned.TryGetValue(key, out var port) ? port : assigned[key] = DevStack.Ports.GetFree();
                }
            });
    }

    private static int Read(string name, int defaultPort)
    {
        var text = Environment.GetEnvironmentVariable($"SHOP_{name}_PORT");
        return text is null ? defaultPort
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port
            : throw new StackException($"SHOP_{name}_PORT={text} is not a port number.");
    }
}
