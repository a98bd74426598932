using k8s;
using k8s.Models;
using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Checks;
using Shop.ChartCheck.Fixes;

namespace Shop.ChartCheck.Proof;

/// <summary>
/// What must hold of the objects helm renders with install-time values: no secret value in a ConfigMap,
/// an argument or an environment literal; readiness and liveness probes and resource requests on every
/// container; every Service port targets a named port a selected container declares; the gateway has an
/// Ingress; each StatefulSet has a headless governing Service and a volume claim.
/// </summary>
internal static class Invariants
{
    public static IReadOnlyList<Finding> Check(IReadOnlyList<IKubernetesObject> objects, IReadOnlyCollection<string> secretValues)
    {
        var workloads = objects.Select(Workload.Of).OfType<Workload>().ToList();
        return SecretsInPlainSight(objects, workloads, secretValues)
            .Concat(workloads.SelectMany(ContainerNeeds))
            .Concat(objects.OfType<V1Service>().SelectMany(service => ServicePorts(service, workloads)))
            .Concat(GatewayIngress(objects))
            .Concat(objects.OfType<V1StatefulSet>().SelectMany(statefulSet => StatefulSetNeeds(statefulSet, objects)))
            .ToList();
    }

    private static IEnumerable<Finding> SecretsInPlainSight(IReadOnlyList<IKubernetesObject> objects, List<Workload> workloads, IReadOnlyCollection<string> secretValues)
    {
        bool Exposes(string key, string? value) =>
            value is not null && (secretValues.Any(secret => value.Contains(secret, StringComparison.Ordinal)) || SecretLooks.IsSecretEntry(key, value));

        foreach (var configMap in objects.OfType<V1ConfigMap>())
        {
            foreach (var (key, value) in configMap.Data ?? new Dictionary<string, string>())
            {
                if (Exposes(key, value))
                {
                    yield return new Finding(Name(configMap), $"data.{key}", "a secret in a ConfigMap");
                }
            }
        }

        foreach (var (workload, container) in workloads.SelectMany(workload => workload.Containers.Select(container => (workload, container))))
        {
            var args = container.Args ?? [];
            for (var index = 0; index < args.Count; index++)
            {
                if (secretValues.Any(secret => args[index].Contains(secret, StringComparison.Ordinal)) || SecretLooks.IsSecretArgument(args[index], index > 0 ? args[index - 1] : ""))
                {
                    yield return new Finding(workload.Name, $"{ContainerPath(container)}.args[{index}]", "a secret in the container's args");
                }
            }

            foreach (var variable in (container.Env ?? []).Where(variable => Exposes(variable.Name, variable.Value)))
            {
                yield return new Finding(workload.Name, $"{ContainerPath(container)}.env[{variable.Name}]", "a secret written as a literal value");
            }
        }
    }

    private static IEnumerable<Finding> ContainerNeeds(Workload workload) =>
        from container in workload.Containers
        from missing in new[]
        {
            container.ReadinessProbe is null ? "readinessProbe" : null,
            container.LivenessProbe is null ? "livenessProbe" : null,
            container.Resources?.Requests?.ContainsKey("cpu") == true ? null : "resources.requests.cpu",
            container.Resources?.Requests?.ContainsKey("memory") == true ? null : "resources.requests.memory",
        }
        where missing is not null
        select new Finding(workload.Name, $"{ContainerPath(container)}.{missing}", "missing");

    private static IEnumerable<Finding> ServicePorts(V1Service service, List<Workload> workloads)
    {
        var selector = service.Spec?.Selector ?? new Dictionary<string, string>();
        var selected = workloads.Where(workload => selector.Count > 0 && selector.All(label => workload.PodLabels.TryGetValue(label.Key, out var value) && value == label.Value)).ToList();
        if (selected.Count == 0)
        {
            yield return new Finding(Name(service), "spec.selector", "matches no pod template");
            yield break;
        }

        var declared = selected.SelectMany(workload => workload.Containers).SelectMany(container => container.Ports ?? []).Select(port => port.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var port in service.Spec!.Ports ?? [])
        {
            var target = port.TargetPort?.Value;
            if (target is null || int.TryParse(target, out _) || !declared.Contains(target))
            {
                yield return new Finding(Name(service), $"spec.ports[{port.Name}].targetPort", $"{target ?? "missing"} is not a named port a selected container declares");
            }
        }
    }

    private static IEnumerable<Finding> GatewayIngress(IReadOnlyList<IKubernetesObject> objects)
    {
        var routed = objects.OfType<V1Ingress>()
            .SelectMany(ingress => ingress.Spec?.Rules ?? [])
            .SelectMany(rule => rule.Http?.Paths ?? [])
            .Any(path => path.Backend?.Service?.Name == Fixes.GatewayIngress.GatewayName);
        return routed ? [] : [new Finding($"Service {Fixes.GatewayIngress.GatewayName}", "Ingress", "no Ingress routes to the gateway")];
    }

    private static IEnumerable<Finding> StatefulSetNeeds(V1StatefulSet statefulSet, IReadOnlyList<IKubernetesObject> objects)
    {
        var serviceName = statefulSet.Spec?.ServiceName;
        if (objects.OfType<V1Service>().FirstOrDefault(service => service.Metadata?.Name == serviceName) is not { Spec.ClusterIP: "None" })
        {
            yield return new Finding(Name(statefulSet), "spec.serviceName", $"{serviceName ?? "missing"} is not a headless Service");
        }

        if (statefulSet.Spec?.VolumeClaimTemplates is not { Count: > 0 })
        {
            yield return new Finding(Name(statefulSet), "spec.volumeClaimTemplates", "no volume claim");
        }
    }

    private static string ContainerPath(V1Container container) => $"spec.template.spec.containers[{container.Name}]";

    private static string Name(IKubernetesObject<V1ObjectMeta> item) => $"{item.Kind} {item.Metadata?.Name}";

    /// <summary>A Deployment or StatefulSet, as far as the invariants look at it.</summary>
    private sealed record Workload(string Name, IDictionary<string, string> PodLabels, IList<V1Container> Containers)
    {
        public static Workload? Of(IKubernetesObject item) => item switch
        {
            V1Deployment deployment => From(deployment, deployment.Spec?.Template),
            V1StatefulSet statefulSet => From(statefulSet, statefulSet.Spec?.Template),
            _ => null,
        };

        private static Workload From(IKubernetesObject<V1ObjectMeta> item, V1PodTemplateSpec? template) =>
            new(Invariants.Name(item), template?.Metadata?.Labels ?? new Dictionary<string, string>(), template?.Spec?.Containers ?? []);
    }
}
