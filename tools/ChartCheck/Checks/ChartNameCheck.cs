using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Fixes;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Checks;

/// <summary>Aspirate names every chart "AspireProject"; OCI registries take only lowercase repository names.</summary>
internal static class ChartNameCheck
{
    public static IEnumerable<Finding> Find(HelmChart chart)
    {
        var name = YamlText.Load(File.ReadAllText(chart.ChartFile)).Single().Scalar("name");
        return name == ChartMetadataFix.ChartName ? [] : [new Finding("Chart.yaml", "name", $"{name} is not {ChartMetadataFix.ChartName} (OCI registries need a lowercase name)")];
    }
}
