using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// Aspirate names every chart "AspireProject"; OCI registries accept only lowercase repository names,
/// so the chart is renamed "shop" (its version is set when CI packages it).
/// </summary>
internal static class ChartMetadataFix
{
    public const string ChartName = "shop";

    public static IEnumerable<string> Apply(HelmChart chart)
    {
        var metadata = YamlText.Load(File.ReadAllText(chart.ChartFile)).Single();
        metadata.Set("name", ChartName);
        metadata.Set("description", "Shop, generated from the Aspire AppHost by Aspirate and post-processed by ChartCheck (docs/operations.md).");
        File.WriteAllText(chart.ChartFile, YamlText.Save([metadata]));
        return [$"Chart.yaml: name {ChartName}"];
    }
}
