using Shop.ChartCheck.Checks;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// <c>Endpoint=minio:9000</c> becomes <c>Endpoint=http://minio:9000</c>: inside the cluster the backing
/// services speak plain http (Aspirate drops the scheme of an endpoint whose protocol it reads as tcp).
/// </summary>
internal static class EndpointSchemeFix
{
    public static IEnumerable<string> Apply(FixContext context) =>
        from item in context.Model.Objects
        where item.Kind is "ConfigMap" or "Secret"
        from section in new[] { "data", "stringData" }
        from entry in item.Node.Mapping(section).ScalarEntries()
        where item.Kind != "Secret" || section == "stringData"
        where AddScheme(entry.Value)
        select $"{item}: {section}.{entry.Key} gets the http:// scheme";

    private static bool AddScheme(YamlDotNet.RepresentationModel.YamlScalarNode value)
    {
        var text = value.Value ?? "";
        var updated = EndpointSchemeCheck.EndpointWithoutScheme().Replace(text, match => match.Value.Replace("Endpoint=", "Endpoint=http://", StringComparison.OrdinalIgnoreCase));
        value.Value = updated;
        return updated != text;
    }
}
