using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// Moves secret-looking ConfigMap entries into the Secret of the same name, and secret container args
/// (NATS's <c>--pass</c>) into that Secret too, the arg becoming <c>$(NAME)</c>, which Kubernetes expands
/// from the container's environment. Workloads that loaded the ConfigMap then also load the Secret.
/// </summary>
internal static class SecretRelocation
{
    public static IEnumerable<string> Apply(FixContext context) =>
        context.Model.OfKind("ConfigMap").ToList().SelectMany(configMap => FromConfigMap(context, configMap))
            .Concat(context.Model.Workloads.ToList().SelectMany(workload => FromArgs(context, workload)));

    private static IEnumerable<string> FromConfigMap(FixContext context, ChartObject configMap)
    {
        var data = configMap.Node.Mapping("data");
        var secretEntries = data.ScalarEntries()
            .Where(entry => IsSecret(context, entry.Key, entry.Value.Value ?? ""))
            .ToList();
        if (secretEntries.Count == 0)
        {
            return [];
        }

        var stringData = context.SecretFor(configMap.Name, configMap.Metadata.Mapping("labels")).Node.GetOrAddMapping("stringData");
        foreach (var (key, value) in secretEntries)
        {
            data!.Remove(key);
            stringData.Set(key, YamlNodes.Quoted(value.Value ?? ""));
        }

        foreach (var container in ContainersLoading(context.Model, configMap.Name))
        {
            FixContext.LoadInto(container, "secretRef", configMap.Name);
        }

        if (data!.Children.Count == 0)
        {
            RemoveConfigMap(context.Model, configMap);
        }

        return [$"{configMap}: moved {string.Join(", ", secretEntries.Select(entry => entry.Key))} into Secret {configMap.Name}"];
    }

    private static IEnumerable<string> FromArgs(FixContext context, ChartObject workload)
    {
        foreach (var container in workload.Containers)
        {
            var args = container.Sequence("args")?.Children.OfType<YamlScalarNode>().ToList() ?? [];
            for (var index = 0; index < args.Count; index++)
            {
                var previous = index > 0 ? args[index - 1].Value ?? "" : "";
                if (Relocate(context, workload, container, args[index], previous, index) is { } variable)
                {
                    yield return $"{workload}: container {container.Scalar("name")} reads a secret arg from $({variable})";
                }
            }
        }
    }

    private static string? Relocate(FixContext context, ChartObject workload, YamlMappingNode container, YamlScalarNode arg, string previous, int index)
    {
        if (SecretArgument(context, arg.Value ?? "", previous, index) is not var (flag, secret, inline))
        {
            return null;
        }

        var variable = $"{workload.Name}_{flag.TrimStart('-')}".Replace('-', '_').ToUpperInvariant();
        context.SecretFor(workload.Name, workload.Metadata.Mapping("labels")).Node.GetOrAddMapping("stringData").Set(variable, YamlNodes.Quoted(secret));
        FixContext.LoadInto(container, "secretRef", workload.Name);
        arg.Value = inline ? $"{flag}=$({variable})" : $"$({variable})";
        arg.Style = YamlDotNet.Core.ScalarStyle.Plain;
        return variable;
    }

    /// <summary>The flag naming a secret argument (or its position), the secret, and whether it was written <c>--flag=secret</c>.</summary>
    private static (string Flag, string Secret, bool Inline)? SecretArgument(FixContext context, string text, string previous, int index)
    {
        if (SecretLooks.IsInlineSecretFlag(text))
        {
            var equals = text.IndexOf('=');
            return (text[..equals], text[(equals + 1)..], true);
        }

        if (SecretLooks.IsSecretFlag(previous) && !SecretLooks.IsEnvironmentReference(text))
        {
            return (previous, text, false);
        }

        return IsSecret(context, "", text) ? ($"arg-{index}", text, false) : null;
    }

    private static bool IsSecret(FixContext context, string key, string value) =>
        SecretLooks.IsSecretEntry(key, value) || context.Actions.ReadsInstallTimeSecret(value);

    private static IEnumerable<YamlMappingNode> ContainersLoading(ChartModel model, string configMapName) =>
        model.Workloads.SelectMany(workload => workload.Containers)
            .Where(container => container.Sequence("envFrom").Mappings().Any(source => source.Mapping("configMapRef").Scalar("name") == configMapName));

    private static void RemoveConfigMap(ChartModel model, ChartObject configMap)
    {
        foreach (var container in ContainersLoading(model, configMap.Name).ToList())
        {
            var envFrom = container.Sequence("envFrom")!;
            foreach (var source in envFrom.Mappings().Where(source => source.Mapping("configMapRef").Scalar("name") == configMap.Name).ToList())
            {
                envFrom.Children.Remove(source);
            }
        }

        model.Objects.Remove(configMap);
    }
}
