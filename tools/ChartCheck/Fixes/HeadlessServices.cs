using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// A StatefulSet's <c>serviceName</c> must be a headless Service (it gives each pod its stable DNS name);
/// Aspirate points it at the ordinary ClusterIP Service. This adds <c>&lt;name&gt;-headless</c> with the same
/// selector and ports and points the StatefulSet at it; clients keep using the ClusterIP Service.
/// </summary>
internal static class HeadlessServices
{
    public const string Suffix = "-headless";

    public static IEnumerable<string> Apply(FixContext context)
    {
        foreach (var statefulSet in context.Model.OfKind("StatefulSet").ToList())
        {
            var name = statefulSet.Name + Suffix;
            if (context.Model.Find("Service", statefulSet.Name) is not { } service)
            {
                throw new ChartException($"{statefulSet}: no Service {statefulSet.Name} to make a headless copy of");
            }

            statefulSet.Spec!.Set("serviceName", name);
            if (context.Model.Find("Service", name) is not null)
            {
                continue;
            }

            var labels = statefulSet.Metadata.Mapping("labels").ScalarEntries().ToDictionary(entry => entry.Key, entry => entry.Value.Value ?? "");
            var headless = ChartObject.Create($"templates/{name}-service.yaml", "v1", "Service", name, labels);
            var spec = headless.Node.GetOrAddMapping("spec");
            spec.Set("clusterIP", "None");
            spec.Set("publishNotReadyAddresses", "true");
            spec.Set("ports", new YamlSequenceNode(service.Spec.Sequence("ports").Mappings().Select(Copy)));
            spec.Set("selector", Copy(service.Spec.Mapping("selector")!));
            context.Model.Objects.Add(headless);
            yield return $"{statefulSet}: governed by the headless Service {name}";
        }
    }

    private static YamlMappingNode Copy(YamlMappingNode node) =>
        new(node.Children.Select(entry => new KeyValuePair<YamlNode, YamlNode>(entry.Key, entry.Value is YamlMappingNode mapping ? Copy(mapping) : entry.Value)));
}
