using System.Text.RegularExpressions;
using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Checks;

/// <summary>
/// A connection string's <c>Endpoint=</c> must be a URL. Aspirate writes <c>Endpoint=minio:9000</c> for an
/// endpoint it does not see as http, and the storage client refuses it at start.
/// </summary>
internal static partial class EndpointSchemeCheck
{
    public static IEnumerable<Finding> Find(ChartModel model) =>
        from item in model.Objects
        where item.Kind is "ConfigMap" or "Secret"
        from section in new[] { "data", "stringData" }
        from entry in item.Node.Mapping(section).ScalarEntries()
        let value = item.Kind == "Secret" && section == "data" ? Base64Text.TryDecode(entry.Value.Value ?? "") ?? "" : entry.Value.Value ?? ""
        where EndpointWithoutScheme().Match(value) is { Success: true }
        select new Finding(item.ToString(), $"{section}.{entry.Key}", $"Endpoint={EndpointWithoutScheme().Match(value).Groups["address"].Value} has no scheme (http://...)");

    /// <summary><c>Endpoint=host:port</c> at the start of a connection string or after a <c>;</c>, with no <c>scheme://</c>.</summary>
    [GeneratedRegex(@"(^|;)\s*Endpoint=(?<address>(?![A-Za-z][A-Za-z0-9+.-]*://)[^;]+)", RegexOptions.IgnoreCase)]
    public static partial Regex EndpointWithoutScheme();
}
