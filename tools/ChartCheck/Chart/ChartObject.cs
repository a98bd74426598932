using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Chart;

/// <summary>One Kubernetes object of the chart and the template file it lives in.</summary>
internal sealed record ChartObject(string File, YamlMappingNode Node)
{
    public string Kind => Node.Scalar("kind") ?? "";

    public string Name => Metadata.Scalar("name") ?? "";

    public YamlMappingNode? Metadata => Node.Mapping("metadata");

    public YamlMappingNode? Spec => Node.Mapping("spec");

    public bool IsWorkload => Kind is "Deployment" or "StatefulSet";

    public YamlMappingNode? PodTemplate => Spec.Mapping("template");

    public IEnumerable<YamlMappingNode> Containers => PodTemplate.Mapping("spec").Sequence("containers").Mappings();

    /// <summary>The field path of one of this workload's containers, for findings.</summary>
    public static string ContainerPath(YamlMappingNode container) => $"spec.template.spec.containers[{container.Scalar("name")}]";

    public override string ToString() => $"{File}: {Kind} {Name}";

    public static ChartObject Create(string file, string apiVersion, string kind, string name, IReadOnlyDictionary<string, string> labels)
    {
        var node = new YamlMappingNode();
        node.Set("apiVersion", apiVersion);
        node.Set("kind", kind);
        var metadata = node.GetOrAddMapping("metadata");
        var labelNode = metadata.GetOrAddMapping("labels");
        foreach (var (key, value) in labels)
        {
            labelNode.Set(key, value);
        }

        metadata.Set("name", name);
        return new ChartObject(file, node);
    }
}
