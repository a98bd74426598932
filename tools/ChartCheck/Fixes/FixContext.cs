using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Fixes;

/// <summary>What every fix edits: the chart's objects, its values, and the template actions held as tokens.</summary>
internal sealed record FixContext(ChartModel Model, YamlMappingNode Values, TemplateActions Actions)
{
    /// <summary>A template action reading <c>.Values.&lt;path&gt;</c>, as a token to place in a YAML value.</summary>
    public string ValueReference(string path) => Actions.Token($"{{{{ .Values.{path} }}}}");

    /// <summary>Sets a value in values.yaml unless the chart already has one (a second fix keeps what is there).</summary>
    public void DefaultValue(string path, YamlNode value)
    {
        var keys = path.Split('.');
        var parent = keys[..^1].Aggregate(Values, (node, key) => node.GetOrAddMapping(key));
        if (parent.Child(keys[^1]) is null)
        {
            parent.Set(keys[^1], value);
        }
    }

    /// <summary>The Secret named after a resource, created (with the resource's labels) if the chart has none.</summary>
    public ChartObject SecretFor(string name, YamlMappingNode? labels)
    {
        if (Model.Find("Secret", name) is { } existing)
        {
            return existing;
        }

        var labelPairs = labels.ScalarEntries().ToDictionary(entry => entry.Key, entry => entry.Value.Value ?? "");
        var secret = ChartObject.Create($"templates/{name}-secret.yaml", "v1", "Secret", name, labelPairs);
        secret.Node.Set("type", "Opaque");
        Model.Objects.Add(secret);
        return secret;
    }

    /// <summary>Values key for a resource, the same rule Aspirate uses for images.</summary>
    public static string KeyOf(string resourceName) => resourceName.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Adds <c>envFrom: - &lt;refKind&gt;: {name}</c> to a container unless it is there.</summary>
    public static void LoadInto(YamlMappingNode container, string refKind, string name, bool optional = false)
    {
        var envFrom = container.GetOrAddSequence("envFrom");
        if (envFrom.Mappings().Any(source => source.Mapping(refKind).Scalar("name") == name))
        {
            return;
        }

        var reference = new YamlMappingNode();
        reference.Set("name", name);
        if (optional)
        {
            reference.Set("optional", "true");
        }

        var source = new YamlMappingNode();
        source.Set(refKind, reference);
        envFrom.Add(source);
    }
}
