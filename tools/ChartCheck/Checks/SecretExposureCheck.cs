using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Checks;

/// <summary>Secrets where anyone who can read the workload sees them: ConfigMaps, container args and env literals.</summary>
internal static class SecretExposureCheck
{
    public static IEnumerable<Finding> Find(ChartModel model) => InConfigMaps(model).Concat(InArgs(model)).Concat(InEnvLiterals(model));

    private static IEnumerable<Finding> InConfigMaps(ChartModel model) =>
        from configMap in model.OfKind("ConfigMap")
        from entry in configMap.Node.Mapping("data").ScalarEntries()
        where SecretLooks.IsSecretEntry(entry.Key, entry.Value.Value ?? "")
        select new Finding(configMap.ToString(), $"data.{entry.Key}", "looks secret but is in a ConfigMap");

    private static IEnumerable<Finding> InEnvLiterals(ChartModel model) =>
        from workload in model.Workloads
        from container in workload.Containers
        from entry in container.Sequence("env").Mappings()
        where entry.Scalar("value") is { } value && SecretLooks.IsSecretEntry(entry.Scalar("name") ?? "", value)
        select new Finding(workload.ToString(), $"{ChartObject.ContainerPath(container)}.env[{entry.Scalar("name")}]", "a secret written as a literal value");

    private static IEnumerable<Finding> InArgs(ChartModel model)
    {
        foreach (var workload in model.Workloads)
        {
            foreach (var container in workload.Containers)
            {
                var args = container.Sequence("args")?.Children.OfType<YamlScalarNode>().Select(arg => arg.Value ?? "").ToList() ?? [];
                for (var index = 0; index < args.Count; index++)
                {
                    var previous = index > 0 ? args[index - 1] : "";
                    if (SecretLooks.IsSecretArgument(args[index], previous))
                    {
                        // Name the flag, never print the secret itself.
                        var shown = SecretLooks.IsSecretFlag(previous) ? $" (after {previous})" : "";
                        yield return new Finding(workload.ToString(), $"{ChartObject.ContainerPath(container)}.args[{index}]", $"a secret in the container's args{shown}");
                    }
                }
            }
        }
    }
}
