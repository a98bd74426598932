using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Checks;

/// <summary>
/// Aspirate gives every project an <c>https</c> port 8443 (container and Service) from the manifest's https
/// binding, but the services listen on http only: a client sent there gets a refused connection.
/// </summary>
internal static class HttpsPortCheck
{
    public const string PortName = "https";

    public static IEnumerable<Finding> Find(ChartModel model)
    {
        foreach (var workload in model.Workloads)
        {
            foreach (var container in DeadHttpsContainers(model, workload))
            {
                yield return new Finding(workload.ToString(), $"{ChartObject.ContainerPath(container)}.ports[{PortName}]", "nothing listens there (the service serves http only)");
            }
        }

        foreach (var service in model.OfKind("Service"))
        {
            var selected = service.Spec.Mapping("selector") is { } selector ? model.WorkloadsSelectedBy(selector).ToList() : [];
            if (selected.Count > 0 && selected.All(workload => DeadHttpsContainers(model, workload).Any())
                && service.Spec.Sequence("ports").Mappings().Any(port => port.Scalar("name") == PortName))
            {
                yield return new Finding(service.ToString(), $"spec.ports[{PortName}]", "leads to a port where nothing listens");
            }
        }
    }

    public static IEnumerable<YamlDotNet.RepresentationModel.YamlMappingNode> DeadHttpsContainers(ChartModel model, ChartObject workload) =>
        workload.Containers.Where(container => model.IsProjectContainer(container) && !model.ServesHttps(container)
            && container.Sequence("ports").Mappings().Any(port => port.Scalar("name") == PortName));
}
