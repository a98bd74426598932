using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// The documented post-processing of Aspirate's chart (docs/operations.md). The order matters: secrets are
/// decoded, then replaced by install-time values, then moved out of ConfigMaps and args; dead ports go before
/// Service ports are named and copied to headless Services; the workloads get their probes before the replicas
/// and the Ingress are added.
/// </summary>
internal static class ChartFixer
{
    private const string ValuesHeader =
        "# Shop chart values. Secrets have no defaults: set every secrets.* value at install time.\n" +
        "# See docs/operations.md for each value and for the <name>-overrides Secrets.\n";

    public static IReadOnlyList<string> Fix(HelmChart chart, AspireManifest manifest, IReadOnlyDictionary<string, string> parameters)
    {
        var actions = new TemplateActions();
        var context = new FixContext(ChartModel.Editable(chart, actions), ChartModel.LoadValues(chart), actions);
        var originalFiles = chart.TemplateFiles();

        Func<FixContext, IEnumerable<string>>[] fixes =
        [
            SecretDataDecoding.Apply,
            EndpointSchemeFix.Apply,
            fixContext => InstallTimeSecrets.Apply(fixContext, manifest, parameters),
            SecretRelocation.Apply,
            HttpsPortFix.Apply,
            ServicePortFix.Apply,
            HeadlessServices.Apply,
            WorkloadFix.Apply,
            ReplicaValues.Apply,
            GatewayIngress.Apply,
            fixContext => ImageFix.Apply(fixContext, manifest),
            ImageValues.Apply,
            Switches.Apply,
        ];
        var notes = fixes.SelectMany(fix => fix(context).ToList()).ToList();
        notes.AddRange(ChartMetadataFix.Apply(chart));

        Save(chart, context, originalFiles);
        return notes;
    }

    private static void Save(HelmChart chart, FixContext context, IReadOnlyList<string> originalFiles)
    {
        var files = context.Model.Objects.GroupBy(item => item.File).ToList();
        foreach (var file in files)
        {
            var conditions = context.Model.Conditions.GetValueOrDefault(file.Key) ?? [];
            chart.Write(file.Key, FileConditions.Wrap(conditions, context.Actions.Restore(YamlText.Save(file.Select(item => item.Node)))));
        }

        foreach (var emptied in originalFiles.Except(files.Select(file => file.Key)))
        {
            chart.Delete(emptied);
        }

        File.WriteAllText(chart.ValuesFile, ValuesHeader + YamlText.Save([context.Values]));
    }
}
