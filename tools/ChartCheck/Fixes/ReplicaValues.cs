using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// Replica counts come from values (<c>replicas.&lt;name&gt;</c>, keyed like Aspirate's images). The services
/// scale out; the backing services stay at 1, or 0 when an operator points Shop at an external one.
/// </summary>
internal static class ReplicaValues
{
    public static IEnumerable<string> Apply(FixContext context)
    {
        foreach (var workload in context.Model.Workloads)
        {
            var key = FixContext.KeyOf(workload.Name);
            var current = workload.Spec.Scalar("replicas");
            context.DefaultValue($"replicas.{key}", new YamlScalarNode(int.TryParse(current, out _) ? current : "1"));
            workload.Spec!.Set("replicas", context.ValueReference($"replicas.{key}"));
            yield return $"{workload}: replicas from replicas.{key}";
        }
    }
}
