using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Checks;

/// <summary>Our own services must tell Kubernetes when they are ready (/health) and alive (/alive); Aspirate writes no probes.</summary>
internal static class ProbeCheck
{
    private static readonly string[] RequiredProbes = ["readinessProbe", "livenessProbe"];

    public static IEnumerable<Finding> Find(ChartModel model) =>
        from workload in model.Workloads
        from container in workload.Containers
        where model.IsProjectContainer(container)
        from probe in RequiredProbes
        where container.Mapping(probe) is null
        select new Finding(workload.ToString(), $"project container {container.Scalar("name")} has no {probe}");
}
