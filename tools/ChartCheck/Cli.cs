using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Checks;
using Shop.ChartCheck.Fixes;

namespace Shop.ChartCheck;

/// <summary>
/// <c>check &lt;chartDir&gt;</c>: one line per finding, exit 1 if any.
/// <c>fix &lt;chartDir&gt; [--parameter name=value]...</c>: the post-processing, then the same check.
/// Exit 2 for a wrong command line or a chart that cannot be read.
/// </summary>
internal static class Cli
{
    public const int Passed = 0;
    public const int FoundDefects = 1;
    public const int Unusable = 2;

    private const string Usage =
        "usage: ChartCheck check <chartDir>\n" +
        "       ChartCheck fix <chartDir> [--parameter <aspire-parameter>=<value>]...";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return args switch
            {
                ["check", var chartDirectory] => Check(HelmChart.Open(chartDirectory), output),
                ["fix", var chartDirectory, .. var options] => Fix(HelmChart.Open(chartDirectory), ParseParameters(options), output),
                _ => Fail(error, Usage),
            };
        }
        catch (ChartException problem)
        {
            return Fail(error, problem.Message);
        }
        catch (YamlDotNet.Core.YamlException problem)
        {
            return Fail(error, $"invalid YAML: {problem.Message}");
        }
    }

    private static int Check(HelmChart chart, TextWriter output)
    {
        var findings = ChartChecker.Check(chart);
        foreach (var finding in findings)
        {
            output.WriteLine(finding);
        }

        output.WriteLine(findings.Count == 0 ? $"chart {chart.Directory}: no findings" : $"chart {chart.Directory}: {findings.Count} finding(s)");
        return findings.Count == 0 ? Passed : FoundDefects;
    }

    private static int Fix(HelmChart chart, IReadOnlyDictionary<string, string> parameters, TextWriter output)
    {
        foreach (var note in ChartFixer.Fix(chart, parameters))
        {
            output.WriteLine($"fixed {note}");
        }

        return Check(chart, output);
    }

    private static Dictionary<string, string> ParseParameters(string[] options)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < options.Length; index += 2)
        {
            if (options[index] != "--parameter" || index + 1 >= options.Length || options[index + 1].IndexOf('=') <= 0)
            {
                throw new ChartException($"expected --parameter <name>=<value>, got {options[index]}\n{Usage}");
            }

            var pair = options[index + 1];
            parameters[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
        }

        return parameters;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return Unusable;
    }
}
