using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Shop.Access;
using Shop.Gateway.Extensions;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Shop.Gateway.Routing;

/// <summary>
/// YARP's configuration, derived from the access table: one route per rule (method + path template) and one
/// cluster per service with the one destination `http://&lt;name&gt;`, which service discovery's destination resolver
/// turns into every `services__&lt;name&gt;__http__&lt;i&gt;` URL; each of those is load balanced and health checked on
/// its own. Rules the gateway answers itself (service `gateway`) get no route here.
/// </summary>
internal sealed class PublicRoutes : IProxyConfigProvider, IProxyConfig
{
    public const string GatewayService = "gateway";
    public const string HealthPath = "/health";

    public PublicRoutes(IOptions<GatewayOptions> options)
    {
        var proxied = AccessTable.Rules.Where(rule => rule.Service != GatewayService).ToList();
        Routes = proxied.Select(rule => new RouteConfig
        {
            RouteId = RouteId(rule),
            ClusterId = rule.Service,
            Match = new RouteMatch { Path = rule.Template, Methods = [rule.Method] },
        }).ToList();
        Clusters = proxied.Select(rule => rule.Service).Distinct().Select(service => Cluster(service, options.Value)).ToList();
    }

    public IReadOnlyList<RouteConfig> Routes { get; }

    public IReadOnlyList<ClusterConfig> Clusters { get; }

    /// <summary>The routes never change while the gateway runs: Aspire and Kubernetes restart it with new configuration.</summary>
    public IChangeToken ChangeToken { get; } = new CancellationChangeToken(CancellationToken.None);

    public IProxyConfig GetConfig() => this;

    public static AccessRule RuleOf(RouteConfig route) => AccessTable.Rules.Single(rule => RouteId(rule) == route.RouteId);

    private static string RouteId(AccessRule rule) => $"{rule.Method} {rule.Template}";

    private static ClusterConfig Cluster(string service, GatewayOptions options) => new()
    {
        ClusterId = service,
        LoadBalancingPolicy = LoadBalancingPolicies.PowerOfTwoChoices,
        Destinations = new Dictionary<string, DestinationConfig> { [service] = new() { Address = $"http://{service}" } },
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = options.HealthCheckInterval,
                Timeout = options.HealthCheckTimeout,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = HealthPath,
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = ConnectFailurePolicy.PolicyName,
                ReactivationPeriod = options.ReactivationPeriod,
            },
        },
        HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = options.UpstreamTimeout },
    };
}
