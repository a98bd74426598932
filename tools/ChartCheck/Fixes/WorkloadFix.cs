using System.Globalization;
using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// What every workload needs and Aspirate does not write. Our services: probes on /health (ready) and /alive
/// (live, and a startup probe so migrations at start-up are not killed) and an optional <c>&lt;name&gt;-overrides</c>
/// Secret loaded last, so an operator can set or override any setting. The backing services (PostgreSQL, NATS,
/// MinIO, MailPit): TCP probes on their first port. Every container: requests and a memory limit from
/// <c>resources.&lt;name&gt;</c>. Deployments: rolling updates instead of Recreate.
/// </summary>
internal static class WorkloadFix
{
    public const string ReadinessPath = "/health";
    public const string LivenessPath = "/alive";
    public const string OverridesSuffix = "-overrides";

    public static IEnumerable<string> Apply(FixContext context)
    {
        foreach (var workload in context.Model.Workloads)
        {
            var key = FixContext.KeyOf(workload.Name);
            var isProject = workload.Containers.Any(context.Model.IsProjectContainer);
            context.DefaultValue($"resources.{key}.requests.cpu", new YamlScalarNode("100m"));
            context.DefaultValue($"resources.{key}.requests.memory", new YamlScalarNode("128Mi"));
            context.DefaultValue($"resources.{key}.limits.memory", new YamlScalarNode(isProject ? "512Mi" : "1Gi"));
            foreach (var container in workload.Containers)
            {
                if (context.Model.IsProjectContainer(container))
                {
                    var port = NamedPort(container, "http");
                    container.Set("startupProbe", Probe(HttpGet(LivenessPath, port), periodSeconds: 5, failureThreshold: 60));
                    container.Set("readinessProbe", Probe(HttpGet(ReadinessPath, port), periodSeconds: 10, failureThreshold: 3));
                    container.Set("livenessProbe", Probe(HttpGet(LivenessPath, port), periodSeconds: 20, failureThreshold: 3));
                    FixContext.LoadInto(container, "secretRef", workload.Name + OverridesSuffix, optional: true);
                }
                else
                {
                    var port = NamedPort(container, null);
                    container.Set("readinessProbe", Probe(TcpSocket(port), periodSeconds: 10, failureThreshold: 3));
                    container.Set("livenessProbe", Probe(TcpSocket(port), periodSeconds: 20, failureThreshold: 6));
                }

                container.Set("resources", Resources(context, key));
            }

            if (workload.Kind == "Deployment")
            {
                UseRollingUpdates(workload.Spec!);
            }

            yield return $"{workload}: {(isProject ? "http probes, optional Secret " + workload.Name + OverridesSuffix : "tcp probes")}, resources from resources.{key}{(workload.Kind == "Deployment" ? ", rolling updates" : "")}";
        }
    }

    // Aspirate names container ports after the Aspire endpoint: our services listen on "http".
    private static string NamedPort(YamlMappingNode container, string? wanted) =>
        container.Sequence("ports").Mappings().Select(port => port.Scalar("name")).OfType<string>().FirstOrDefault(name => wanted is null || name == wanted)
        ?? throw new ChartException($"container {container.Scalar("name")} declares no {wanted ?? "named"} port to probe");

    private static (string Kind, YamlMappingNode Action) HttpGet(string path, string port)
    {
        var httpGet = new YamlMappingNode();
        httpGet.Set("path", path);
        httpGet.Set("port", port);
        return ("httpGet", httpGet);
    }

    private static (string Kind, YamlMappingNode Action) TcpSocket(string port)
    {
        var tcpSocket = new YamlMappingNode();
        tcpSocket.Set("port", port);
        return ("tcpSocket", tcpSocket);
    }

    private static YamlMappingNode Probe((string Kind, YamlMappingNode Action) action, int periodSeconds, int failureThreshold)
    {
        var probe = new YamlMappingNode();
        probe.Set(action.Kind, action.Action);
        probe.Set("periodSeconds", periodSeconds.ToString(CultureInfo.InvariantCulture));
        probe.Set("timeoutSeconds", "5");
        probe.Set("failureThreshold", failureThreshold.ToString(CultureInfo.InvariantCulture));
        return probe;
    }

    private static YamlMappingNode Resources(FixContext context, string key)
    {
        var requests = new YamlMappingNode();
        requests.Set("cpu", context.ValueReference($"resources.{key}.requests.cpu"));
        requests.Set("memory", context.ValueReference($"resources.{key}.requests.memory"));
        var limits = new YamlMappingNode();
        limits.Set("memory", context.ValueReference($"resources.{key}.limits.memory"));
        var resources = new YamlMappingNode();
        resources.Set("requests", requests);
        resources.Set("limits", limits);
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
