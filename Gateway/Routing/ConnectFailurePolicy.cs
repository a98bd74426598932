using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Shop.Gateway.Routing;

/// <summary>
/// Passive health: a destination that refused a connection (a stopped replica) leaves the rotation at once, for the
/// cluster's reactivation period, instead of failing every other request until the active check notices.
/// </summary>
internal sealed class ConnectFailurePolicy(IDestinationHealthUpdater health) : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "ConnectFailure";

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        if (UpstreamErrors.IsConnectFailure(context))
        {
            var period = cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? TimeSpan.FromSeconds(5);
            health.SetPassive(cluster, destination, DestinationHealth.Unhealthy, period);
        }
    }
}
