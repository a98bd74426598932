using Shop.ChartCheck.Chart;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// What an operator can switch off. <c>&lt;name&gt;.enabled</c> for each backing service (PostgreSQL, NATS, MinIO,
/// MailPit): false leaves out its workload, Services, ConfigMap and Secret, for an external one whose connection
/// strings the services then get from Secrets. <c>secrets.create</c>: false leaves out every Secret the chart
/// makes, so Secrets of the same names made by sops, an external secret store or kubectl are used instead.
/// </summary>
internal static class Switches
{
    public const string CreateSecrets = "secrets.create";

    public static IEnumerable<string> Apply(FixContext context)
    {
        context.DefaultValue(CreateSecrets, new YamlScalarNode("true"));
        foreach (var secret in context.Model.OfKind("Secret"))
        {
            Require(context, secret, CreateSecrets);
        }

        foreach (var backing in context.Model.Workloads.Where(workload => !workload.Containers.Any(context.Model.IsProjectContainer)).ToList())
        {
            var switchPath = $"{FixContext.KeyOf(backing.Name)}.enabled";
            context.DefaultValue(switchPath, new YamlScalarNode("true"));
            var parts = context.Model.Objects.Where(item => item.Name == backing.Name || item.Name == backing.Name + HeadlessServices.Suffix).ToList();
            foreach (var part in parts)
            {
                Require(context, part, switchPath);
            }

            yield return $"{backing}: rendered only when {switchPath} ({parts.Count} objects)";
        }

        yield return $"every Secret of the chart: rendered only when {CreateSecrets}";
    }

    // Conditions apply to whole files; the fixer writes one object per file.
    private static void Require(FixContext context, ChartObject item, string path)
    {
        var conditions = context.Model.Conditions.TryGetValue(item.File, out var existing) ? existing : context.Model.Conditions[item.File] = [];
        if (!conditions.Contains(path))
        {
            conditions.Add(path);
            conditions.Sort(StringComparer.Ordinal);
        }
    }
}
