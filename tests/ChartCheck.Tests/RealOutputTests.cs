using Shop.ChartCheck.Checks;

namespace Shop.ChartCheck.Tests;

/// <summary>
/// check on Aspirate's real output for Shop reports every defect the fixture's README lists, each with its
/// object and field; fix repairs each, check then reports nothing, and a second fix changes nothing.
/// </summary>
public sealed class RealOutputTests : IDisposable
{
    private readonly AspirateChart aspirate = new();

    public static TheoryData<string> ReadmeDefects() => new()
    {
        // 1. the storage endpoint without a scheme
        "templates/auth-configmap.yaml: ConfigMap auth: data.ConnectionStrings__storage: Endpoint=minio:9000 has no scheme (http://...)",
        // 2. the lowercased MinIO tag
        "values.yaml: images.minio: quay.io/minio/minio:release.2025-04-22t22-12-26z is the manifest's quay.io/minio/minio:RELEASE.2025-04-22T22-12-26Z lowercased; the tag would not pull",
        // 3. the dead https port on every project
        "templates/auth-deployment.yaml: Deployment auth: spec.template.spec.containers[auth].ports[https]: nothing listens there (the service serves http only)",
        "templates/gateway-service.yaml: Service gateway: spec.ports[https]: leads to a port where nothing listens",
        // 4. placeholders Aspirate left
        "templates/nats-statefulset.yaml: StatefulSet nats: spec.template.spec.containers[nats].args[3]: unresolved Aspire placeholder {nats-password.value}",
        "templates/orders-configmap.yaml: ConfigMap orders: data.ConnectionStrings__nats: unresolved Aspire placeholder {nats-password-uri-encoded.value}",
        // 5. secrets in ConfigMaps and args, targetPort 0, no probes or resources, Recreate, no Ingress, the chart's name, serviceName
        "templates/postgres-configmap.yaml: ConfigMap postgres: data.POSTGRES_PASSWORD: looks secret but is in a ConfigMap",
        "templates/minio-configmap.yaml: ConfigMap minio: data.MINIO_ROOT_PASSWORD: looks secret but is in a ConfigMap",
        "templates/auth-configmap.yaml: ConfigMap auth: data.Auth__SigningKeys__0: looks secret but is in a ConfigMap",
        "templates/products-configmap.yaml: ConfigMap products: data.ConnectionStrings__productsdb: looks secret but is in a ConfigMap",
        "templates/nats-statefulset.yaml: StatefulSet nats: spec.template.spec.containers[nats].args[3]: a secret in the container's args (after --pass)",
        "templates/postgres-service.yaml: Service postgres: spec.ports[tcp].targetPort: 0 is not the name of a port the selected containers declare",
        "templates/orders-deployment.yaml: Deployment orders: spec.template.spec.containers[orders].readinessProbe: missing",
        "templates/postgres-statefulset.yaml: StatefulSet postgres: spec.template.spec.containers[postgres].livenessProbe: missing",
        "templates/minio-statefulset.yaml: StatefulSet minio: spec.template.spec.containers[minio].resources.requests.memory: missing",
        "templates/mailpit-deployment.yaml: Deployment mailpit: spec.template.spec.containers[mailpit].resources.requests.cpu: missing",
        "templates/gateway-deployment.yaml: Deployment gateway: spec.strategy.type: Recreate stops every pod before new ones start; use RollingUpdate",
        "templates/gateway-service.yaml: Service gateway: Ingress: no Ingress routes to the gateway",
        "Chart.yaml: name: AspireProject is not shop (OCI registries need a lowercase name)",
        "templates/nats-statefulset.yaml: StatefulSet nats: spec.serviceName: nats is not a headless Service of the chart (clusterIP: None)",
    };

    [Theory]
    [MemberData(nameof(ReadmeDefects))]
    public void Check_reports_the_defect_with_its_object_and_field(string finding) => Assert.Contains(finding, Findings());

    [Theory]
    [MemberData(nameof(AspirateChart.Projects), MemberType = typeof(AspirateChart))]
    public void Every_project_is_reported_with_its_dead_https_port(string project)
    {
        var findings = Findings();

        Assert.Contains($"templates/{project}-deployment.yaml: Deployment {project}: spec.template.spec.containers[{project}].ports[https]: nothing listens there (the service serves http only)", findings);
        Assert.Contains($"templates/{project}-service.yaml: Service {project}: spec.ports[https]: leads to a port where nothing listens", findings);
    }

    [Fact]
    public void Check_never_prints_a_secret() =>
        Assert.All(AspirateChart.FakeParameters.Values, secret => Assert.DoesNotContain(Findings(), line => line.Contains(secret, StringComparison.Ordinal)));

    [Fact]
    public void Harmless_entries_are_not_reported() =>
        Assert.DoesNotContain(Findings(), line => line.Contains("POSTGRES_USER") || line.Contains("HTTP_PORTS") || line.Contains("ConnectionStrings__mail") || line.Contains("services__"));

    [Fact]
    public void Fix_repairs_every_defect()
    {
        aspirate.Fix();

        Assert.Empty(Findings());
    }

    [Fact]
    public void A_second_fix_changes_nothing()
    {
        aspirate.Fix();
        var once = aspirate.AllText().ToList();

        aspirate.Fix();

        Assert.Equal(once, aspirate.AllText().ToList());
    }

    private List<string> Findings() => ChartChecker.Check(aspirate.Chart, AspirateChart.Manifest).Select(finding => finding.ToString()).ToList();

    public void Dispose() => aspirate.Dispose();
}
