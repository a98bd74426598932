using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Fixes;

/// <summary>The gateway is Shop's only public entry point; Aspirate writes no Ingress, so this adds one (host, class and TLS Secret from values).</summary>
internal static class GatewayIngress
{
    public const string GatewayName = "gateway";

    public static IEnumerable<string> Apply(FixContext context)
    {
        if (context.Model.Find("Service", GatewayName) is not { } service)
        {
            return [$"no Service {GatewayName}: no Ingress written"];
        }

        var servicePort = service.Spec.Sequence("ports").Mappings().Select(port => port.Scalar("name")).FirstOrDefault()
            ?? throw new ChartException($"{service}: no named port for the Ingress to use");
        context.DefaultValue("ingress.className", new YamlScalarNode("nginx"));
        context.DefaultValue("ingress.host", new YamlScalarNode("shop.example.com"));
        context.DefaultValue("ingress.tlsSecretName", new YamlScalarNode("shop-tls"));

        var ingress = context.Model.Find("Ingress", GatewayName)
            ?? ChartObject.Create($"templates/{GatewayName}-ingress.yaml", "networking.k8s.io/v1", "Ingress", GatewayName, new Dictionary<string, string> { ["app"] = GatewayName });
        ingress.Node.Set("spec", IngressSpec(context, servicePort));
        if (!context.Model.Objects.Contains(ingress))
        {
            context.Model.Objects.Add(ingress);
        }

        return [$"{ingress}: routes ingress.host to Service {GatewayName} port {servicePort}"];
    }

    private static YamlMappingNode IngressSpec(FixContext context, string servicePort)
    {
        var port = new YamlMappingNode();
        port.Set("name", servicePort);
        var backendService = new YamlMappingNode();
        backendService.Set("name", GatewayName);
        backendService.Set("port", port);
        var backend = new YamlMappingNode();
        backend.Set("service", backendService);
        var path = new YamlMappingNode();
        path.Set("backend", backend);
        path.Set("path", "/");
        path.Set("pathType", "Prefix");
        var http = new YamlMappingNode();
        http.Set("paths", new YamlSequenceNode(path));
        var rule = new YamlMappingNode();
        rule.Set("host", context.ValueReference("ingress.host"));
        rule.Set("http", http);
        var spec = new YamlMappingNode();
        spec.Set("ingressClassName", context.ValueReference("ingress.className"));
        spec.Set("rules", new YamlSequenceNode(rule));
        spec.Set("tls", new YamlSequenceNode(Tls(context)));
        return spec;
    }

    // The certificate Secret is the operator's (or cert-manager's); until it exists the controller serves its default certificate.
    private static YamlMappingNode Tls(FixContext context)
    {
        var tls = new YamlMappingNode();
        tls.Set("hosts", new YamlSequenceNode(new YamlScalarNode(context.ValueReference("ingress.host"))));
        tls.Set("secretName", context.ValueReference("ingress.tlsSecretName"));
        return tls;
    }
}
