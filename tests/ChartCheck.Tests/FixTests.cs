using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Tests;

/// <summary>fix repairs every defect of Aspirate's chart, adds what operators need, and check then passes.</summary>
public sealed class FixTests : IDisposable
{
    private readonly AspirateChart aspirate = AspirateChart.Fixed();

    [Fact]
    public void The_chart_keeps_no_parameter_value()
    {
        var text = string.Concat(aspirate.AllText());

        Assert.All(AspirateChart.FakeParameters.Values, secret => Assert.DoesNotContain(secret, text));
    }

    [Fact]
    public void Connection_strings_read_the_install_time_secrets()
    {
        var auth = Secret("auth");

        Assert.Equal("Host=postgres;Port=5432;Username=postgres;Password=INSTALL-TIME(secrets.postgresPassword);Database=authdb", auth.Scalar("ConnectionStrings__authdb"));
        Assert.Equal("nats://nats:INSTALL-TIME(secrets.natsPassword)@nats:4222", auth.Scalar("ConnectionStrings__nats"));
        Assert.Contains("{{ required `set secrets.natsPassword at install time` .Values.secrets.natsPassword | urlquery }}@nats:4222", File.ReadAllText(aspirate.Template("auth-secret.yaml")));
        Assert.Equal("Endpoint=http://minio:9000;AccessKey=INSTALL-TIME(secrets.storageUser);SecretKey=INSTALL-TIME(secrets.storagePassword)", auth.Scalar("ConnectionStrings__storage"));
        Assert.Equal("INSTALL-TIME(secrets.authSigningKey)", auth.Scalar("Auth__SigningKeys__0"));
    }

    [Fact]
    public void Every_secret_is_required_at_install_time_and_has_no_default()
    {
        var secrets = ChartModel.LoadValues(aspirate.Chart).Mapping("secrets").ScalarEntries().Where(entry => entry.Key != "create").ToList();

        Assert.Equal(
            ["authSigningKey", "natsPassword", "postgresPassword", "storagePassword", "storageUser"],
            secrets.Select(entry => entry.Key).Order());
        Assert.All(secrets, entry => Assert.Equal("", entry.Value.Value));
        Assert.Contains("{{ required `set secrets.postgresPassword at install time` .Values.secrets.postgresPassword }}", File.ReadAllText(aspirate.Template("postgres-secret.yaml")));
    }

    [Fact]
    public void The_nats_password_arg_reads_the_container_environment()
    {
        var nats = Workload("nats");
        var container = Assert.Single(nats.Containers);

        Assert.Equal(["--user", "nats", "--pass", "$(NATS_PASS)", "-js", "-sd", "/var/lib/nats"], container.Sequence("args")!.Children.Select(arg => ((YamlDotNet.RepresentationModel.YamlScalarNode)arg).Value));
        Assert.Equal("INSTALL-TIME(secrets.natsPassword)", Secret("nats").Scalar("NATS_PASS"));
        Assert.Contains(container.Sequence("envFrom").Mappings(), source => source.Mapping("secretRef").Scalar("name") == "nats");
    }

    [Fact]
    public void Service_images_come_from_image_registry_and_tag()
    {
        var valuesText = File.ReadAllText(aspirate.Chart.ValuesFile);
        File.WriteAllText(aspirate.Chart.ValuesFile, valuesText.Replace("registry: ghcr.io/example-org", "registry: mirror.example.org/shop", StringComparison.Ordinal));

        Assert.Equal("mirror.example.org/shop/shop-orders:3f2c1d0e9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e", Assert.Single(Workload("orders").Containers).Scalar("image"));
        Assert.Equal("docker.io/library/postgres:18.3", Assert.Single(Workload("postgres").Containers).Scalar("image"));
    }

    [Theory]
    [InlineData("postgres-statefulset.yaml", "{{- if .Values.postgres.enabled }}\n")]
    [InlineData("nats-headless-service.yaml", "{{- if .Values.nats.enabled }}\n")]
    [InlineData("minio-secret.yaml", "{{- if .Values.minio.enabled }}\n{{- if .Values.secrets.create }}\n")]
    [InlineData("auth-secret.yaml", "{{- if .Values.secrets.create }}\n")]
    public void Backing_services_and_chart_secrets_can_be_switched_off(string template, string conditions) =>
        Assert.StartsWith(conditions + "apiVersion:", File.ReadAllText(aspirate.Template(template)), StringComparison.Ordinal);

    [Fact]
    public void Switched_off_objects_leave_the_rendered_chart()
    {
        var valuesText = File.ReadAllText(aspirate.Chart.ValuesFile);
        File.WriteAllText(aspirate.Chart.ValuesFile, valuesText.Replace("postgres:\n  enabled: true", "postgres:\n  enabled: false", StringComparison.Ordinal));

        Assert.DoesNotContain(aspirate.Rendered().Objects, item => item.Name.StartsWith("postgres", StringComparison.Ordinal));
    }

    [Fact]
    public void The_minio_image_keeps_its_case() =>
        Assert.Equal("quay.io/minio/minio:RELEASE.2025-04-22T22-12-26Z", ChartModel.LoadValues(aspirate.Chart).Mapping("images").Scalar("minio"));

    [Theory]
    [InlineData("auth")]
    [InlineData("gateway")]
    public void Projects_keep_only_their_http_port(string project)
    {
        var rendered = aspirate.Rendered();

        Assert.Equal(["http"], Assert.Single(rendered.Workloads.Single(item => item.Name == project).Containers).Sequence("ports").Mappings().Select(port => port.Scalar("name")));
        Assert.Equal(["http"], rendered.Find("Service", project)!.Spec.Sequence("ports").Mappings().Select(port => port.Scalar("name")));
    }

    [Theory]
    [InlineData("postgres", "tcp")]
    [InlineData("nats", "tcp")]
    [InlineData("minio", "api")]
    public void Statefulsets_are_governed_by_a_headless_service(string name, string port)
    {
        var rendered = aspirate.Rendered();
        var headless = rendered.Find("Service", $"{name}-headless")!;

        Assert.Equal($"{name}-headless", Workload(name).Spec.Scalar("serviceName"));
        Assert.Equal("None", headless.Spec.Scalar("clusterIP"));
        Assert.Equal(port, Assert.Single(headless.Spec.Sequence("ports").Mappings()).Scalar("targetPort"));
        Assert.Equal("ClusterIP", rendered.Find("Service", name)!.Spec.Scalar("type"));
    }

    [Fact]
    public void A_configmap_left_empty_is_removed_with_its_references()
    {
        Assert.False(File.Exists(aspirate.Template("minio-configmap.yaml")));
        var minio = Assert.Single(Workload("minio").Containers);
        var source = Assert.Single(minio.Sequence("envFrom").Mappings());
        Assert.Equal("minio", source.Mapping("secretRef").Scalar("name"));
    }

    [Theory]
    [MemberData(nameof(AspirateChart.Projects), MemberType = typeof(AspirateChart))]
    public void Project_workloads_get_probes_requests_overrides_and_rolling_updates(string project)
    {
        var deployment = Workload(project);
        var container = Assert.Single(deployment.Containers);

        Assert.Equal("/health", container.Mapping("readinessProbe").Mapping("httpGet").Scalar("path"));
        Assert.Equal("/alive", container.Mapping("livenessProbe").Mapping("httpGet").Scalar("path"));
        Assert.Equal("http", container.Mapping("livenessProbe").Mapping("httpGet").Scalar("port"));
        Assert.Equal("100m", container.Mapping("resources").Mapping("requests").Scalar("cpu"));
        Assert.Equal("512Mi", container.Mapping("resources").Mapping("limits").Scalar("memory"));
        Assert.Equal("RollingUpdate", deployment.Spec.Mapping("strategy").Scalar("type"));
        var overrides = container.Sequence("envFrom").Mappings().Last().Mapping("secretRef");
        Assert.Equal($"{project}-overrides", overrides.Scalar("name"));
        Assert.Equal("true", overrides.Scalar("optional"));
    }

    [Theory]
    [InlineData("postgres", "tcp")]
    [InlineData("nats", "tcp")]
    [InlineData("minio", "api")]
    [InlineData("mailpit", "smtp")]
    public void Backing_services_get_tcp_probes_and_resources(string name, string port)
    {
        var container = Assert.Single(Workload(name).Containers);

        Assert.Equal(port, container.Mapping("readinessProbe").Mapping("tcpSocket").Scalar("port"));
        Assert.Equal(port, container.Mapping("livenessProbe").Mapping("tcpSocket").Scalar("port"));
        Assert.Equal("128Mi", container.Mapping("resources").Mapping("requests").Scalar("memory"));
        Assert.Equal("1Gi", container.Mapping("resources").Mapping("limits").Scalar("memory"));
    }

    [Fact]
    public void Replica_counts_come_from_values()
    {
        var valuesText = File.ReadAllText(aspirate.Chart.ValuesFile);
        Assert.Contains("\n  postgres: 1\n", valuesText);
        File.WriteAllText(aspirate.Chart.ValuesFile, valuesText.Replace("  orders: 1\n", "  orders: 3\n", StringComparison.Ordinal));

        Assert.Equal("3", Workload("orders").Spec.Scalar("replicas"));
        Assert.Equal("1", Workload("postgres").Spec.Scalar("replicas"));
    }

    [Fact]
    public void The_gateway_gets_an_ingress_from_values()
    {
        var ingress = aspirate.Rendered().Find("Ingress", "gateway")!;
        var rule = Assert.Single(ingress.Spec.Sequence("rules").Mappings());

        Assert.Equal("nginx", ingress.Spec.Scalar("ingressClassName"));
        Assert.Equal("shop.example.com", rule.Scalar("host"));
        var backend = Assert.Single(rule.Mapping("http").Sequence("paths").Mappings()).Mapping("backend").Mapping("service");
        Assert.Equal("gateway", backend.Scalar("name"));
        Assert.Equal("http", backend.Mapping("port").Scalar("name"));
        var tls = Assert.Single(ingress.Spec.Sequence("tls").Mappings());
        Assert.Equal("shop-tls", tls.Scalar("secretName"));
    }

    [Fact]
    public void Service_ports_target_the_named_container_port()
    {
        var postgres = aspirate.Rendered().Find("Service", "postgres")!;

        Assert.Equal("tcp", Assert.Single(postgres.Spec.Sequence("ports").Mappings()).Scalar("targetPort"));
    }

    [Fact]
    public void The_chart_is_renamed_for_oci_registries() =>
        Assert.Contains("name: shop\n", File.ReadAllText(aspirate.Chart.ChartFile));

    private ChartObject Workload(string name) => aspirate.Rendered().Workloads.Single(item => item.Name == name);

    private YamlDotNet.RepresentationModel.YamlMappingNode Secret(string name) =>
        aspirate.Rendered().Find("Secret", name)!.Node.Mapping("stringData")!;

    public void Dispose() => aspirate.Dispose();
}
