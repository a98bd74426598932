using System.Text.RegularExpressions;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Chart;

/// <summary>
/// Renders the only template actions Aspirate and our fixer write, so the chart can be checked without helm:
/// <c>{{ .Values.a.b }}</c> and <c>{{ required `message` .Values.a.b }}</c>, each optionally piped to
/// <c>urlquery</c>, in templates that may be wrapped whole in conditions (<see cref="FileConditions"/>).
/// Anything else is refused.
/// Required values are install-time inputs (secrets): for checking they render as a marker,
/// <c>INSTALL-TIME(a.b)</c>, so the checks can see where they land.
/// </summary>
internal sealed partial class ValuesRenderer(YamlMappingNode values)
{
    public const string InstallTimeMarker = "INSTALL-TIME(";

    /// <summary>The rendered template; empty when a condition of the file (<see cref="FileConditions"/>) is false.</summary>
    public string Render(string templateText, string file)
    {
        var (conditions, body) = FileConditions.Split(templateText);
        return conditions.All(path => FileConditions.IsTrue(Find(path)))
            ? AnyAction().Replace(body, match => RenderAction(match.Value, file))
            : "";
    }

    private string RenderAction(string action, string file)
    {
        var supported = SupportedAction().Match(action);
        if (!supported.Success)
        {
            throw new ChartException($"{file}: unsupported template action {action}");
        }

        var path = supported.Groups["path"].Value;
        if (supported.Groups["required"].Success)
        {
            return $"{InstallTimeMarker}{path})";
        }

        var value = Lookup(path, file);
        return supported.Groups["urlquery"].Success ? Uri.EscapeDataString(value) : value;
    }

    private string Lookup(string path, string file) =>
        Find(path) ?? throw new ChartException($"{file}: values.yaml has no value at {path}");

    private string? Find(string path)
    {
        YamlNode? node = values;
        foreach (var key in path.Split('.'))
        {
            node = (node as YamlMappingNode)?.Child(key);
        }

        return (node as YamlScalarNode)?.Value;
    }

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex AnyAction();

    [GeneratedRegex(@"^\{\{\s*(?<required>required\s+`[^`]*`\s+)?\.Values\.(?<path>[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*)(?<urlquery>\s*\|\s*urlquery)?\s*\}\}$")]
    private static partial Regex SupportedAction();
}
