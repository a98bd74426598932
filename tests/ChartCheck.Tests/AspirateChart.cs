using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Fixes;

namespace Shop.ChartCheck.Tests;

/// <summary>A private copy of Aspirate 9.1.0's real chart for Shop (Fixtures/aspirate-9.1.0), deleted after the test.</summary>
internal sealed class AspirateChart : IDisposable
{
    public static readonly string FixtureDirectory = RepositoryPaths.Of("tests", "ChartCheck.Tests", "Fixtures", "aspirate-9.1.0");

    public static readonly string ManifestFile = Path.Combine(FixtureDirectory, "aspire-manifest.json");

    /// <summary>The fake Aspire parameter values CI passed to Aspirate for the fixture, as CI passes them to fix.</summary>
    public static readonly IReadOnlyDictionary<string, string> FakeParameters =
        File.ReadAllLines(Path.Combine(FixtureDirectory, "parameters.env"))
            .Where(line => line.Contains('='))
            .ToDictionary(line => line[..line.IndexOf('=')], line => line[(line.IndexOf('=') + 1)..]);

    /// <summary>The AppHost's projects, which Aspirate writes as Deployments.</summary>
    public static TheoryData<string> Projects => new() { "auth", "products", "orders", "notifications", "gateway" };

    public AspirateChart()
    {
        Directory = Path.Combine(Path.GetTempPath(), "chartcheck-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(FixtureDirectory, "chart");
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Directory, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public static AspireManifest Manifest => AspireManifest.Load(ManifestFile);

    public string Directory { get; }

    public HelmChart Chart => HelmChart.Open(Directory);

    public static AspirateChart Fixed()
    {
        var chart = new AspirateChart();
        chart.Fix();
        return chart;
    }

    public IReadOnlyList<string> Fix() => ChartFixer.Fix(Chart, Manifest, FakeParameters);

    public ChartModel Rendered() => ChartModel.Rendered(Chart);

    public string Template(string name) => Path.Combine(Directory, "templates", name);

    /// <summary>Edits one template file's text, to plant a defect.</summary>
    public void Edit(string template, string oldText, string newText)
    {
        var text = File.ReadAllText(Template(template));
        Assert.Contains(oldText, text);
        File.WriteAllText(Template(template), text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public IEnumerable<string> AllText() =>
        System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
