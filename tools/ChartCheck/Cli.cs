using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Checks;
using Shop.ChartCheck.Fixes;

namespace Shop.ChartCheck;

/// <summary>
/// <c>check &lt;chartDir&gt; --manifest &lt;aspire-manifest.json&gt;</c>: one line per finding, exit 1 if any.
/// <c>fix &lt;chartDir&gt; --manifest &lt;m&gt; [--parameter name=value]...</c>: the post-processing, then the same check.
/// Exit 2 for a wrong command line or a chart that cannot be read.
/// </summary>
internal static class Cli
{
    public const int Passed = 0;
    public const int FoundDefects = 1;
    public const int Unusable = 2;

    private const string Usage =
        "usage: ChartCheck check <chartDir> --manifest <aspire-manifest.json>\n" +
        "       ChartCheck fix <chartDir> --manifest <aspire-manifest.json> [--parameter <aspire-parameter>=<value>]...";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return args switch
            {
                ["check", var chartDirectory, .. var options] => Check(HelmChart.Open(chartDirectory), Options.Parse(options, Usage).Manifest, output),
                ["fix", var chartDirectory, .. var options] => Fix(HelmChart.Open(chartDirectory), Options.Parse(options, Usage), output),
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
        catch (System.Text.Json.JsonException problem)
        {
            return Fail(error, $"invalid manifest JSON: {problem.Message}");
        }
    }

    private static int Check(HelmChart chart, AspireManifest manifest, TextWriter output)
    {
        var findings = ChartChecker.Check(chart, manifest);
        foreach (var finding in findings)
        {
            output.WriteLine(finding);
        }

        output.WriteLine(findings.Count == 0 ? $"chart {chart.Directory}: no findings" : $"chart {chart.Directory}: {findings.Count} finding(s)");
        return findings.Count == 0 ? Passed : FoundDefects;
    }

    private static int Fix(HelmChart chart, Options options, TextWriter output)
    {
        foreach (var note in ChartFixer.Fix(chart, options.Manifest, options.Parameters))
        {
            output.WriteLine($"fixed {note}");
        }

        return Check(chart, options.Manifest, output);
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return Unusable;
    }

    private sealed record Options(AspireManifest Manifest, Dictionary<string, string> Parameters)
    {
        public static Options Parse(string[] options, string usage)
        {
            string? manifest = null;
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var index = 0; index < options.Length; index += 2)
            {
                var value = index + 1 < options.Length ? options[index + 1] : null;
                switch (options[index])
                {
                    case "--manifest" when value is not null:
                        manifest = value;
                        break;
                    case "--parameter" when value is not null && value.IndexOf('=') > 0:
                        parameters[value[..value.IndexOf('=')]] = value[(value.IndexOf('=') + 1)..];
                        break;
                    default:
                        throw new ChartException($"unexpected {options[index]}{(value is null ? "" : " " + value)}\n{usage}");
                }
            }

            return new Options(AspireManifest.Load(manifest ?? throw new ChartException($"--manifest is required\n{usage}")), parameters);
        }
    }
}
