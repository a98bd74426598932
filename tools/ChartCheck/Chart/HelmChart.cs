namespace Shop.ChartCheck.Chart;

/// <summary>The files of a chart directory as Aspirate writes them: Chart.yaml, values.yaml, templates/*.yaml.</summary>
internal sealed class HelmChart
{
    private HelmChart(string directory) => Directory = directory;

    public string Directory { get; }

    public string ChartFile => Path.Combine(Directory, "Chart.yaml");

    public string ValuesFile => Path.Combine(Directory, "values.yaml");

    public string TemplatesDirectory => Path.Combine(Directory, "templates");

    public static HelmChart Open(string directory)
    {
        var chart = new HelmChart(Path.GetFullPath(directory));
        foreach (var required in new[] { chart.ChartFile, chart.ValuesFile })
        {
            if (!File.Exists(required))
            {
                throw new ChartException($"{required} not found: is {directory} a chart directory?");
            }
        }

        if (!System.IO.Directory.Exists(chart.TemplatesDirectory))
        {
            throw new ChartException($"{chart.TemplatesDirectory} not found");
        }

        return chart;
    }

    /// <summary>Template files as paths relative to the chart, in a stable order.</summary>
    public IReadOnlyList<string> TemplateFiles() =>
        System.IO.Directory.EnumerateFiles(TemplatesDirectory, "*.yaml")
            .Select(path => Path.GetRelativePath(Directory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    public void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(Directory, relativePath), text);

    public void Delete(string relativePath) => File.Delete(Path.Combine(Directory, relativePath));
}
