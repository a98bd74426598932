using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Chart;

/// <summary>All objects of a chart, with the look-ups the checks and fixes share.</summary>
internal sealed class ChartModel(List<ChartObject> objects)
{
    /// <summary>The values paths each template file depends on (<see cref="FileConditions"/>), by file.</summary>
    public Dictionary<string, List<string>> Conditions { get; } = new(StringComparer.Ordinal);

    /// <summary>Aspire sets HTTP_PORTS on every project resource and on nothing else: it marks our own services.</summary>
    public const string ProjectMarkerVariable = "HTTP_PORTS";

    public List<ChartObject> Objects { get; } = objects;

    public IEnumerable<ChartObject> Workloads => Objects.Where(item => item.IsWorkload);

    /// <summary>The chart as helm would render it with values.yaml (install-time secrets as markers).</summary>
    public static ChartModel Rendered(HelmChart chart)
    {
        var renderer = new ValuesRenderer(LoadValues(chart));
        return Load(chart, file => renderer.Render(chart.Read(file), file));
    }

    /// <summary>The chart's templates as editable YAML, template actions held as tokens.</summary>
    public static ChartModel Editable(HelmChart chart, TemplateActions actions)
    {
        var conditions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var model = Load(chart, file =>
        {
            var (paths, body) = FileConditions.Split(chart.Read(file));
            conditions[file] = [.. paths];
            return actions.Protect(body);
        });
        foreach (var (file, paths) in conditions.Where(entry => entry.Value.Count > 0))
        {
            model.Conditions[file] = paths;
        }

        return model;
    }

    public static YamlMappingNode LoadValues(HelmChart chart) =>
        YamlText.Load(File.ReadAllText(chart.ValuesFile)).FirstOrDefault() ?? new YamlMappingNode();

    public IEnumerable<ChartObject> OfKind(string kind) => Objects.Where(item => item.Kind == kind);

    public ChartObject? Find(string kind, string name) => OfKind(kind).FirstOrDefault(item => item.Name == name);

    /// <summary>Names of the environment variables a container gets from env and from the ConfigMaps and Secrets it loads.</summary>
    public IEnumerable<string> EnvironmentNames(YamlMappingNode container)
    {
        var direct = container.Sequence("env").Mappings().Select(entry => entry.Scalar("name") ?? "");
        var loaded = container.Sequence("envFrom").Mappings().SelectMany(source =>
            (source.Mapping("configMapRef").Scalar("name") is { } configMap ? DataKeys(Find("ConfigMap", configMap)) : [])
            .Concat(source.Mapping("secretRef").Scalar("name") is { } secret ? DataKeys(Find("Secret", secret)) : []));
        return direct.Concat(loaded);
    }

    public bool IsProjectContainer(YamlMappingNode container) => EnvironmentNames(container).Contains(ProjectMarkerVariable);

    /// <summary>Workloads whose pod labels include every label of the selector.</summary>
    public IEnumerable<ChartObject> WorkloadsSelectedBy(YamlMappingNode selector)
    {
        var wanted = selector.ScalarEntries().ToList();
        return Workloads.Where(workload =>
        {
            var labels = workload.PodTemplate.Mapping("metadata").Mapping("labels");
            return wanted.All(label => labels.Scalar(label.Key) == label.Value.Value);
        });
    }

    /// <summary>Names of the container ports the workloads declare.</summary>
    public static HashSet<string> ContainerPortNames(IEnumerable<ChartObject> workloads) =>
        workloads.SelectMany(workload => workload.Containers)
            .SelectMany(container => container.Sequence("ports").Mappings())
            .Select(port => port.Scalar("name"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether anything listens on a project container's https port: ASP.NET Core serves https only when told
    /// to (HTTPS_PORTS, ASPNETCORE_HTTPS_PORTS or an https URL), which Aspire's manifest never does.
    /// </summary>
    public bool ServesHttps(YamlMappingNode container) =>
        EnvironmentNames(container).Any(name => name is "HTTPS_PORTS" or "ASPNETCORE_HTTPS_PORTS" or "ASPNETCORE_URLS");

    private static IEnumerable<string> DataKeys(ChartObject? configMapOrSecret) =>
        new[] { "data", "stringData" }.SelectMany(section => configMapOrSecret?.Node.Mapping(section).ScalarEntries().Select(entry => entry.Key) ?? []);

    private static ChartModel Load(HelmChart chart, Func<string, string> readYaml) =>
        new(chart.TemplateFiles()
            .SelectMany(file => YamlText.Load(readYaml(file)).Select(node => new ChartObject(file, node)))
            .ToList());
}
