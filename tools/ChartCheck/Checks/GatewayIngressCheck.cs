using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Fixes;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Checks;

/// <summary>The gateway is Shop's only public entry point: an Ingress must route to its Service. Aspirate writes none.</summary>
internal static class GatewayIngressCheck
{
    public static IEnumerable<Finding> Find(ChartModel model)
    {
        if (model.Find("Service", GatewayIngress.GatewayName) is not { } gateway)
        {
            return [new Finding("chart", $"Service {GatewayIngress.GatewayName}", "missing: the gateway is the public entry point")];
        }

        var routed = model.OfKind("Ingress")
            .SelectMany(ingress => ingress.Spec.Sequence("rules").Mappings())
            .SelectMany(rule => rule.Mapping("http").Sequence("paths").Mappings())
            .Any(path => path.Mapping("backend").Mapping("service").Scalar("name") == GatewayIngress.GatewayName);
        return routed ? [] : [new Finding(gateway.ToString(), "Ingress", "no Ingress routes to the gateway")];
    }
}
