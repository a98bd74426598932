using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Checks;

/// <summary>
/// Services must reach a pod: the selector has to match a pod template, and each port's target
/// (targetPort, or port when targetPort is 0 or absent) has to be a port of the selected containers.
/// The second rule catches Aspirate's swapped port/targetPort (its issue #259).
/// </summary>
internal static class ServiceCheck
{
    public static IEnumerable<Finding> Find(ChartModel model)
    {
        foreach (var service in model.OfKind("Service"))
        {
            if (service.Spec.Mapping("selector") is not { } selector)
            {
                continue;
            }

            var workloads = model.WorkloadsSelectedBy(selector).ToList();
            if (workloads.Count == 0)
            {
                yield return new Finding(service.ToString(), "selector matches no pod template");
                continue;
            }

            var containerPorts = workloads.SelectMany(item => item.Containers)
                .SelectMany(container => container.Sequence("ports").Mappings())
                .SelectMany(port => new[] { port.Scalar("containerPort"), port.Scalar("name") })
                .OfType<string>()
                .ToHashSet();
            foreach (var port in service.Spec.Sequence("ports").Mappings())
            {
                var target = EffectiveTarget(port);
                if (!containerPorts.Contains(target))
                {
                    yield return new Finding(service.ToString(), $"port {port.Scalar("name")} targets {target}, which no selected container exposes");
                }
            }
        }
    }

    private static string EffectiveTarget(YamlMappingNode port) =>
        port.Scalar("targetPort") is { } target and not "0" and not "" ? target : port.Scalar("port") ?? "";
}
