using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Checks;

/// <summary>
/// Services must reach a pod: the selector has to match a pod template, and each port's targetPort has to
/// name a port the selected containers declare. Aspirate writes <c>targetPort: 0</c>, and swaps port and
/// targetPort when an endpoint sets both (its issue #259); a named target says plainly where traffic goes.
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
                yield return new Finding(service.ToString(), "spec.selector", "matches no pod template");
                continue;
            }

            var portNames = ChartModel.ContainerPortNames(workloads);
            foreach (var port in service.Spec.Sequence("ports").Mappings())
            {
                var target = port.Scalar("targetPort") ?? "";
                if (!portNames.Contains(target))
                {
                    yield return new Finding(service.ToString(), $"spec.ports[{port.Scalar("name")}].targetPort", $"{(target.Length == 0 ? "missing" : target)} is not the name of a port the selected containers declare");
                }
            }
        }
    }
}
