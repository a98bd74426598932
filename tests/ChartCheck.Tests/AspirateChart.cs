using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Fixes;

namespace Shop.ChartCheck.Tests;

/// <summary>A private copy of the Aspirate 9.1.0 fixture chart, deleted after the test.</summary>
internal sealed class AspirateChart : IDisposable
{
    /// <summary>The fake Aspire parameter values baked into the fixture, as CI passes them to Aspirate and to fix.</summary>
    public static readonly IReadOnlyDictionary<string, string> FakeParameters = new Dictionary<string, string>
    {
        ["postgres-password"] = "FAKEpostgresPassword0000000001",
        ["nats-password"] = "FAKEnatsPassword00000000000001",
        ["storage-user"] = "FAKEstorageUser0000000001",
        ["storage-password"] = "FAKEstoragePassword00000000001",
        ["auth-signing-key"] = "FAKEauthSigningKey0000000000000000000000000001",
    };

    public AspirateChart()
    {
        Directory = Path.Combine(Path.GetTempPath(), "chartcheck-" + Guid.NewGuid().ToString("N"));
        var source = RepositoryPaths.Of("tests", "ChartCheck.Tests", "Fixtures", "aspirate-9.1.0");
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Directory, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Directory { get; }

    public HelmChart Chart => HelmChart.Open(Directory);

    public static AspirateChart Fixed()
    {
        var chart = new AspirateChart();
        ChartFixer.Fix(chart.Chart, FakeParameters);
        return chart;
    }

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
        System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories).Select(File.ReadAllText);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
