using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Yaml;

/// <summary>Small accessors over YamlDotNet's node model, so the checks read like the Kubernetes paths they walk.</summary>
internal static class YamlNodes
{
    public static YamlNode? Child(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static YamlMappingNode? Mapping(this YamlMappingNode? node, string key) => node?.Child(key) as YamlMappingNode;

    public static YamlSequenceNode? Sequence(this YamlMappingNode? node, string key) => node?.Child(key) as YamlSequenceNode;

    public static string? Scalar(this YamlMappingNode? node, string key) => (node?.Child(key) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlMappingNode> Mappings(this YamlSequenceNode? sequence) =>
        sequence?.Children.OfType<YamlMappingNode>() ?? [];

    public static IEnumerable<(string Key, YamlScalarNode Value)> ScalarEntries(this YamlMappingNode? node) =>
        node?.Children
            .Where(entry => entry.Key is YamlScalarNode && entry.Value is YamlScalarNode)
            .Select(entry => (((YamlScalarNode)entry.Key).Value ?? "", (YamlScalarNode)entry.Value))
        ?? [];

    public static YamlMappingNode GetOrAddMapping(this YamlMappingNode node, string key) => node.GetOrAdd<YamlMappingNode>(key);

    public static YamlSequenceNode GetOrAddSequence(this YamlMappingNode node, string key) => node.GetOrAdd<YamlSequenceNode>(key);

    public static T GetOrAdd<T>(this YamlMappingNode node, string key)
        where T : YamlNode, new()
    {
        if (node.Child(key) is T existing)
        {
            return existing;
        }

        var created = new T();
        node.Set(key, created);
        return created;
    }

    public static void Set(this YamlMappingNode node, string key, YamlNode value) => node.Children[new YamlScalarNode(key)] = value;

    public static void Set(this YamlMappingNode node, string key, string plainValue) => node.Set(key, new YamlScalarNode(plainValue));

    public static void Remove(this YamlMappingNode node, string key) => node.Children.Remove(new YamlScalarNode(key));

    /// <summary>A string that must stay a string after rendering, whatever it holds (digits, true, a template action).</summary>
    public static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    /// <summary>
    /// Every scalar below a node with its field path, such as <c>spec.template.spec.containers[nats].args[3]</c>:
    /// sequence items that have a name are shown by name, the others by index.
    /// </summary>
    public static IEnumerable<(string Path, YamlScalarNode Value)> ScalarFields(this YamlNode node, string path = "") => node switch
    {
        YamlScalarNode scalar => [(path, scalar)],
        YamlSequenceNode sequence => sequence.Children.SelectMany((item, index) =>
            item.ScalarFields($"{path}[{((item as YamlMappingNode).Scalar("name") ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture))}]")),
        YamlMappingNode mapping => mapping.Children.SelectMany(entry =>
            entry.Value.ScalarFields(path.Length == 0 ? $"{entry.Key}" : $"{path}.{entry.Key}")),
        _ => [],
    };
}
