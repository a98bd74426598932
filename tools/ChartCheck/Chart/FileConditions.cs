using System.Text.RegularExpressions;

namespace Shop.ChartCheck.Chart;

/// <summary>
/// A template the chart renders only when values say so is wrapped whole: one <c>{{- if .Values.a.b }}</c> line
/// per condition at the top and as many <c>{{- end }}</c> lines at the bottom. That is the only control flow the
/// chart has, so the fixer can keep editing the objects inside as YAML and <c>check</c> can render without helm.
/// </summary>
internal static partial class FileConditions
{
    private const string End = "{{- end }}";

    /// <summary>The values paths the file depends on, and the template inside.</summary>
    public static (IReadOnlyList<string> Paths, string Body) Split(string text)
    {
        var lines = text.Split('\n').ToList();
        var paths = new List<string>();
        while (lines.Count > 0 && IfLine().Match(lines[0]) is { Success: true } condition)
        {
            paths.Add(condition.Groups["path"].Value);
            lines.RemoveAt(0);
        }

        for (var closed = 0; closed < paths.Count; closed++)
        {
            while (lines.Count > 0 && lines[^1].Trim().Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            if (lines.Count == 0 || lines[^1].Trim() != End)
            {
                throw new ChartException($"a template that starts with {paths.Count} if line(s) must end with as many {End} lines");
            }

            lines.RemoveAt(lines.Count - 1);
        }

        return (paths, string.Join('\n', lines));
    }

    public static string Wrap(IEnumerable<string> paths, string body)
    {
        var conditions = paths.ToList();
        return string.Concat(conditions.Select(path => $"{{{{- if .Values.{path} }}}}\n")) + body
            + (conditions.Count == 0 ? "" : (body.EndsWith('\n') ? "" : "\n") + string.Concat(conditions.Select(_ => End + "\n")));
    }

    /// <summary>Helm's truth for a value: missing, empty, false, 0 and null are false.</summary>
    public static bool IsTrue(string? value) => value is not (null or "" or "false" or "0" or "null" or "~");

    [GeneratedRegex(@"^\s*\{\{-?\s*if\s+\.Values\.(?<path>[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*)\s*-?\}\}\s*$")]
    private static partial Regex IfLine();
}
