using Shop.ChartCheck.Checks;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Fixes;

/// <summary>Removes the https port Aspirate gives every project, from the container and from its Service: nothing listens there.</summary>
internal static class HttpsPortFix
{
    public static IEnumerable<string> Apply(FixContext context)
    {
        var model = context.Model;
        var dead = model.Workloads.Where(workload => HttpsPortCheck.DeadHttpsContainers(model, workload).Any()).ToList();
        foreach (var service in model.OfKind("Service"))
        {
            var selected = service.Spec.Mapping("selector") is { } selector ? model.WorkloadsSelectedBy(selector).ToList() : [];
            if (selected.Count > 0 && selected.All(dead.Contains) && RemoveHttpsPort(service.Spec.Sequence("ports")))
            {
                yield return $"{service}: removed port {HttpsPortCheck.PortName}";
            }
        }

        foreach (var workload in dead)
        {
            foreach (var container in HttpsPortCheck.DeadHttpsContainers(model, workload).ToList())
            {
                RemoveHttpsPort(container.Sequence("ports"));
                yield return $"{workload}: removed container port {HttpsPortCheck.PortName} of {container.Scalar("name")}";
            }
        }
    }

    private static bool RemoveHttpsPort(YamlDotNet.RepresentationModel.YamlSequenceNode? ports) =>
        ports?.Children.Remove(ports.Mappings().FirstOrDefault(port => port.Scalar("name") == HttpsPortCheck.PortName)!) ?? false;
}
