using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// What our own services need and Aspirate does not write: probes on /health (ready) and /alive (live,
/// and a startup probe so migrations at start-up are not killed), resource requests from values, rolling
/// updates instead of Recreate, and an optional <c>&lt;name&gt;-overrides</c> Secret loaded last, so an
/// operator can set or override any setting (admins, an older signing key, an external database).
/// </summary>
internal static class ProjectWorkloadFix
{
    public const string ReadinessPath = "/health";
    public const string LivenessPath = "/alive";
    public const string OverridesSuffix = "-overrides";

    public static IEnumerable<string> Apply(FixContext context)
    {
        context.DefaultValue("resources.requests.cpu", new YamlScalarNode("100m"));
        context.DefaultValue("resources.requests.memory", new YamlScalarNode("128Mi"));
        foreach (var workload in context.Model.Workloads)
        {
            var projectContainers = workload.Containers.Where(context.Model.IsProjectContainer).ToList();
            foreach (var container in projectContainers)
            {
                var port = HttpPort(container);
                container.Set("startupProbe", Probe(LivenessPath, port, periodSeconds: 5, failureThreshold: 60));
                container.Set("readinessProbe", Probe(ReadinessPath, port, periodSeconds: 10, failureThreshold: 3));
                container.Set("livenessProbe", Probe(LivenessPath, port, periodSeconds: 20, failureThreshold: 3));
                container.Set("resources", Requests(context));
                FixContext.LoadInto(container, "secretRef", workload.Name + OverridesSuffix, optional: true);
            }

            if (projectContainers.Count > 0 && workload.Kind == "Deployment")
            {
                UseRollingUpdates(workload.Spec!);
                yield return $"{workload}: probes, resource requests, rolling updates, optional Secret {workload.Name}{OverridesSuffix}";
            }
        }
    }

    // Aspirate names container ports after the Aspire endpoint: our services listen on "http".
    private static string HttpPort(YamlMappingNode container) =>
        container.Sequence("ports").Mappings().Select(port => port.Scalar("name")).FirstOrDefault(name => name == "http")
        ?? container.Sequence("ports").Mappings().Select(port => port.Scalar("containerPort")).FirstOrDefault()
        ?? throw new ChartException($"container {container.Scalar("name")} exposes no port to probe");

    private static YamlMappingNode Probe(string path, string port, int periodSeconds, int failureThreshold)
    {
        var httpGet = new YamlMappingNode();
        httpGet.Set("path", path);
        httpGet.Set("port", port);
        var probe = new YamlMappingNode();
        probe.Set("httpGet", httpGet);
        probe.Set("periodSeconds", periodSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        probe.Set("timeoutSeconds", "5");
        probe.Set("failureThreshold", failureThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return probe;
    }

    private static YamlMappingNode Requests(FixContext context)
    {
        var requests = new YamlMappingNode();
        requests.Set("cpu", context.ValueReference("resources.requests.cpu"));
        requests.Set("memory", context.ValueReference("resources.requests.memory"));
        var resources = new YamlMappingNode();
        resources.Set("requests", requests);
        return resources;
    }

    // Recreate stops every pod before starting new ones; with readiness probes a rolling update keeps serving.
    private static void UseRollingUpdates(YamlMappingNode deploymentSpec)
    {
        var rollingUpdate = new YamlMappingNode();
        rollingUpdate.Set("maxSurge", "1");
        rollingUpdate.Set("maxUnavailable", "0");
        var strategy = new YamlMappingNode();
        strategy.Set("type", "RollingUpdate");
        strategy.Set("rollingUpdate", rollingUpdate);
        deploymentSpec.Set("strategy", strategy);
        deploymentSpec.Set("minReadySeconds", "5");
    }
}
