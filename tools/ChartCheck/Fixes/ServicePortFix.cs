using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// Aspirate writes <c>targetPort: 0</c> (or swaps port and targetPort when an endpoint sets both).
/// Pointing each Service port at the container port of the same name says plainly where traffic goes.
/// </summary>
internal static class ServicePortFix
{
    public static IEnumerable<string> Apply(FixContext context)
    {
        foreach (var service in context.Model.OfKind("Service"))
        {
            if (service.Spec.Mapping("selector") is not { } selector)
            {
                continue;
            }

            var containerPortNames = context.Model.WorkloadsSelectedBy(selector)
                .SelectMany(workload => workload.Containers)
                .SelectMany(container => container.Sequence("ports").Mappings())
                .Select(port => port.Scalar("name"))
                .ToHashSet();
            foreach (var port in service.Spec.Sequence("ports").Mappings())
            {
                var name = port.Scalar("name");
                if (name is not null && containerPortNames.Contains(name) && port.Scalar("targetPort") != name)
                {
                    port.Set("targetPort", name);
                    yield return $"{service}: port {name} targets the container port {name}";
                }
            }
        }
    }
}
