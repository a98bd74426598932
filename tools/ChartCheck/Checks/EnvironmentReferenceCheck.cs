using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Checks;

/// <summary>Every ConfigMap or Secret a container loads (envFrom) or reads a key of (env valueFrom) must be in the chart, unless marked optional.</summary>
internal static class EnvironmentReferenceCheck
{
    public static IEnumerable<Finding> Find(ChartModel model) =>
        from workload in model.Workloads
        from container in workload.Containers
        from reference in References(container)
        where reference.Node.Scalar("optional") != "true" && model.Find(reference.Kind, reference.Node.Scalar("name") ?? "") is null
        select new Finding(workload.ToString(), $"{ChartObject.ContainerPath(container)}.{reference.Field}", $"uses {reference.Kind} {reference.Node.Scalar("name")}, which the chart does not define");

    private static IEnumerable<(string Kind, string Field, YamlMappingNode Node)> References(YamlMappingNode container)
    {
        foreach (var source in container.Sequence("envFrom").Mappings())
        {
            if (source.Mapping("configMapRef") is { } configMap)
            {
                yield return ("ConfigMap", "envFrom", configMap);
            }

            if (source.Mapping("secretRef") is { } secret)
            {
                yield return ("Secret", "envFrom", secret);
            }
        }

        foreach (var entry in container.Sequence("env").Mappings())
        {
            var valueFrom = entry.Mapping("valueFrom");
            if (valueFrom.Mapping("configMapKeyRef") is { } configMapKey)
            {
                yield return ("ConfigMap", $"env[{entry.Scalar("name")}]", configMapKey);
            }

            if (valueFrom.Mapping("secretKeyRef") is { } secretKey)
            {
                yield return ("Secret", $"env[{entry.Scalar("name")}]", secretKey);
            }
        }
    }
}
