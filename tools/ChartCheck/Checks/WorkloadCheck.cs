using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Checks;

/// <summary>
/// What every workload needs to run well and Aspirate does not write: readiness and liveness probes and
/// resource requests on each container, rolling updates instead of <c>Recreate</c>, and for a StatefulSet
/// a headless governing Service and a volume claim.
/// </summary>
internal static class WorkloadCheck
{
    private static readonly string[] RequiredProbes = ["readinessProbe", "livenessProbe"];
    private static readonly string[] RequiredRequests = ["cpu", "memory"];

    public static IEnumerable<Finding> Find(ChartModel model) =>
        model.Workloads.SelectMany(workload => Containers(workload).Concat(Shape(model, workload)));

    private static IEnumerable<Finding> Containers(ChartObject workload) =>
        from container in workload.Containers
        let path = ChartObject.ContainerPath(container)
        from missing in RequiredProbes.Where(probe => container.Mapping(probe) is null)
            .Concat(RequiredRequests.Where(resource => container.Mapping("resources").Mapping("requests").Scalar(resource) is null).Select(resource => $"resources.requests.{resource}"))
        select new Finding(workload.ToString(), $"{path}.{missing}", "missing");

    private static IEnumerable<Finding> Shape(ChartModel model, ChartObject workload)
    {
        if (workload.Kind == "Deployment" && workload.Spec.Mapping("strategy").Scalar("type") == "Recreate")
        {
            yield return new Finding(workload.ToString(), "spec.strategy.type", "Recreate stops every pod before new ones start; use RollingUpdate");
        }

        if (workload.Kind != "StatefulSet")
        {
            yield break;
        }

        var serviceName = workload.Spec.Scalar("serviceName") ?? "";
        if (model.Find("Service", serviceName) is not { } service || service.Spec.Scalar("clusterIP") != "None")
        {
            yield return new Finding(workload.ToString(), "spec.serviceName", $"{(serviceName.Length == 0 ? "missing" : serviceName)} is not a headless Service of the chart (clusterIP: None)");
        }

        if (!workload.Spec.Sequence("volumeClaimTemplates").Mappings().Any())
        {
            yield return new Finding(workload.ToString(), "spec.volumeClaimTemplates", "no volume claim: the data would not survive a restart");
        }
    }
}
