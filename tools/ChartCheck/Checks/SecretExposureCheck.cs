using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Checks;

/// <summary>Secrets where anyone who can read the workload sees them: ConfigMaps and container args.</summary>
internal static class SecretExposureCheck
{
    public static IEnumerable<Finding> Find(ChartModel model) => InConfigMaps(model).Concat(InArgs(model));

    private static IEnumerable<Finding> InConfigMaps(ChartModel model) =>
        from configMap in model.OfKind("ConfigMap")
        from entry in configMap.Node.Mapping("data").ScalarEntries()
        where SecretLooks.IsSecretEntry(entry.Key, entry.Value.Value ?? "")
        select new Finding(configMap.ToString(), $"{entry.Key} looks secret but is in a ConfigMap");

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
                        yield return new Finding(workload.ToString(), $"container {container.Scalar("name")} has a secret in its args ({Shown(previous, index)})");
                    }
                }
            }
        }
    }

    // Name the flag, never print the secret itself.
    private static string Shown(string previous, int index) =>
        SecretLooks.IsSecretFlag(previous) ? $"after {previous}" : $"argument {index + 1}";
}
