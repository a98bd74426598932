using System.Net;

namespace Shop.Gateway.Tests.Infrastructure;

/// <summary>
/// A gateway of its own in front of one test upstream that stands for every service, started with the settings a
/// derived fixture names. Tests call it from chosen loopback addresses, each of which is a client of its own.
/// </summary>
public abstract class SingleUpstreamGateway(string gatewayName, string upstreamName) : IAsyncLifetime
{
    public TestUpstream Upstream { get; } = new(upstreamName);

    public GatewayProcess Gateway { get; private set; } = null!;

    /// <summary>The gateway's environment on top of the defaults.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public async Task InitializeAsync()
    {
        await Upstream.StartAsync();
        Gateway = new GatewayProcess(
            gatewayName,
            new Dictionary<string, IReadOnlyList<string>> { ["auth"] = [Upstream.Url], ["products"] = [Upstream.Url], ["orders"] = [Upstream.Url] },
            Settings);
        await Gateway.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        await Upstream.DisposeAsync();
    }

    public HttpClient ClientFrom(string address) => GatewayClient.Create(Gateway.Url, IPAddress.Parse(address));
}
