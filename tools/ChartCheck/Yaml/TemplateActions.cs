using System.Globalization;
using System.Text.RegularExpressions;

namespace Shop.ChartCheck.Yaml;

/// <summary>
/// Helm template actions (<c>{{ ... }}</c>) are not YAML. While the fixer edits a template it holds each
/// action as a plain token, and puts the actions back when it writes the file.
/// </summary>
internal sealed partial class TemplateActions
{
    private readonly List<string> actions = [];

    public string Protect(string templateText) => ActionPattern().Replace(templateText, match => Token(match.Value));

    public string Restore(string yamlText) =>
        TokenPattern().Replace(yamlText, match => actions[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)]);

    /// <summary>The token standing for an action, to place inside a YAML value.</summary>
    public string Token(string action)
    {
        var index = actions.IndexOf(action);
        if (index < 0)
        {
            actions.Add(action);
            index = actions.Count - 1;
        }

        return $"__helm_action_{index}__";
    }

    /// <summary>The action a value stands for when the value is exactly one token, else null.</summary>
    public string? ActionOf(string value) =>
        TokenPattern().Match(value) is { Success: true } match && match.Value == value
            ? actions[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)]
            : null;

    /// <summary>Whether a value holds an action that reads an install-time secret.</summary>
    public bool ReadsInstallTimeSecret(string value) =>
        TokenPattern().Matches(value)
            .Any(match => actions[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)].Contains(".Values.secrets.", StringComparison.Ordinal));

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"__helm_action_(\d+)__")]
    private static partial Regex TokenPattern();
}
