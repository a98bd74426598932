using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Checks;
using Shop.ChartCheck.Fixes;
using Shop.ChartCheck.Proof;

namespace Shop.ChartCheck;

/// <summary>
/// <c>check &lt;chartDir&gt; --manifest &lt;aspire-manifest.json&gt;</c>: one line per finding, exit 1 if any.
/// <c>fix &lt;chartDir&gt; --manifest &lt;m&gt; [--parameter name=value]...</c>: the post-processing, then the same check.
/// <c>verify &lt;rendered.yaml&gt; [--values &lt;install-values.yaml&gt;]...</c>: what <c>helm template</c> rendered,
/// parsed strictly and held to the invariants; the <c>secrets.*</c> of the values files must appear nowhere in plain sight.
/// <c>drift &lt;current-manifest&gt; &lt;fixture-manifest&gt;</c>: whether the fixture's manifest still has the AppHost's shape.
/// Exit 2 for a wrong command line or a chart that cannot be read.
/// </summary>
internal static class Cli
{
    public const int Passed = 0;
    public const int FoundDefects = 1;
    public const int Unusable = 2;

    private const string Usage =
        "usage: ChartCheck check <chartDir> --manifest <aspire-manifest.json>\n" +
        "       ChartCheck fix <chartDir> --manifest <aspire-manifest.json> [--parameter <aspire-parameter>=<value>]...\n" +
        "       ChartCheck verify <rendered.yaml> [--values <install-values.yaml>]...\n" +
        "       ChartCheck drift <current-aspire-manifest.json> <fixture-aspire-manifest.json>";

    /// <summary>What to do when the AppHost's manifest no longer has the fixture's shape.</summary>
    public const string RegenerateFixture =
        "the Aspirate fixture (tests/ChartCheck.Tests/Fixtures/aspirate-9.1.0) is out of date: regenerate it with Aspirate " +
        "(the GitHub workflow's chart job runs the real tool and uploads the artifact aspirate-output; see the fixture's README)";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return args switch
            {
                ["check", var chartDirectory, .. var options] => Check(HelmChart.Open(chartDirectory), Options.Parse(options, Usage).Manifest, output),
                ["fix", var chartDirectory, .. var options] => Fix(HelmChart.Open(chartDirectory), Options.Parse(options, Usage), output),
                ["drift", var current, var fixture] => Drift(AspireManifest.Load(current), AspireManifest.Load(fixture), output),
                ["verify", var renderedFile, .. var options] => Verify(renderedFile, Options.ValuesFiles(options, Usage), output),
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

    private static int Drift(AspireManifest current, AspireManifest fixture, TextWriter output)
    {
        var differences = ManifestShape.Differences(fixture, current);
        foreach (var line in differences)
        {
            output.WriteLine(line);
        }

        output.WriteLine(differences.Count == 0 ? "the AppHost's manifest has the fixture's shape" : RegenerateFixture);
        return differences.Count == 0 ? Passed : FoundDefects;
    }

    private static int Verify(string renderedFile, IEnumerable<string> valuesFiles, TextWriter output)
    {
        var rendered = File.Exists(renderedFile) ? File.ReadAllText(renderedFile) : throw new ChartException($"{renderedFile} not found");
        var objects = RenderedObjects.Parse(rendered);
        var findings = Invariants.Check(objects, valuesFiles.SelectMany(InstallValues.Secrets).ToList());
        foreach (var finding in findings)
        {
            output.WriteLine(finding);
        }

        output.WriteLine($"{renderedFile}: {objects.Count} objects parsed strictly, {(findings.Count == 0 ? "every invariant holds" : $"{findings.Count} finding(s)")}");
        return findings.Count == 0 ? Passed : FoundDefects;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return Unusable;
    }

    private sealed record Options(AspireManifest Manifest, Dictionary<string, string> Parameters)
    {
        public static IEnumerable<string> ValuesFiles(string[] options, string usage) =>
            options.Length % 2 == 0 && options.Where((option, index) => index % 2 == 0).All(option => option == "--values")
                ? options.Where((option, index) => index % 2 == 1)
                : throw new ChartException($"expected --values <file>...\n{usage}");

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
