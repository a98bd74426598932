using Shop.ChartCheck.Checks;

namespace Shop.ChartCheck.Tests;

/// <summary>check on Aspirate's own output finds each of its known defects, and only those.</summary>
public sealed class CheckTests : IDisposable
{
    private readonly AspirateChart aspirate = new();

    private IReadOnlyList<string> Findings() => ChartChecker.Check(aspirate.Chart).Select(finding => finding.ToString()).ToList();

    [Fact]
    public void Finds_the_unresolved_nats_placeholder_in_each_service_that_uses_nats()
    {
        var placeholders = Findings().Where(line => line.Contains("unresolved Aspire placeholder {nats-password-uri-encoded.value}")).ToList();

        Assert.Equal(
            ["auth", "notifications", "orders", "products"],
            placeholders.Select(line => line.Split(' ')[2].TrimEnd(':')).Order());
    }

    [Theory]
    [InlineData("postgres", "POSTGRES_PASSWORD")]
    [InlineData("minio", "MINIO_ROOT_PASSWORD")]
    [InlineData("auth", "Auth__SigningKeys__0")]
    [InlineData("auth", "ConnectionStrings__authdb")]
    [InlineData("auth", "ConnectionStrings__storage")]
    [InlineData("orders", "ConnectionStrings__nats")]
    public void Finds_plaintext_secrets_in_configmaps(string configMap, string key) =>
        Assert.Contains($"templates/{configMap}-configmap.yaml: ConfigMap {configMap}: {key} looks secret but is in a ConfigMap", Findings());

    [Fact]
    public void Leaves_harmless_configmap_entries_alone()
    {
        var findings = Findings();

        Assert.DoesNotContain(findings, line => line.Contains("POSTGRES_USER") || line.Contains("HTTP_PORTS") || line.Contains("ConnectionStrings__mail"));
    }

    [Fact]
    public void Finds_the_nats_password_in_args_without_printing_it()
    {
        var line = Assert.Single(Findings(), line => line.Contains("secret in its args"));

        Assert.Equal("templates/nats-statefulset.yaml: StatefulSet nats: container nats has a secret in its args (after --pass)", line);
        Assert.DoesNotContain(AspirateChart.FakeParameters["nats-password"], line);
    }

    [Fact]
    public void Finds_each_project_workload_without_probes()
    {
        var missing = Findings().Where(line => line.Contains("has no readinessProbe") || line.Contains("has no livenessProbe")).ToList();

        Assert.Equal(10, missing.Count);
        Assert.All(["auth", "products", "orders", "notifications", "gateway"], project =>
            Assert.Equal(2, missing.Count(line => line.StartsWith($"templates/{project}-deployment.yaml: Deployment {project}:", StringComparison.Ordinal))));
    }

    [Fact]
    public void Accepts_the_wiring_aspirate_gets_right()
    {
        Assert.DoesNotContain(Findings(), line => line.Contains("selector") || line.Contains("does not define") || line.Contains("targets"));
    }

    [Fact]
    public void Finds_a_service_whose_selector_matches_no_pod()
    {
        aspirate.Edit("auth-service.yaml", "  selector:\n    app: auth", "  selector:\n    app: auth-old");

        Assert.Contains("templates/auth-service.yaml: Service auth: selector matches no pod template", Findings());
    }

    [Fact]
    public void Finds_a_service_port_whose_target_no_container_exposes()
    {
        // Aspirate's swap when an endpoint sets port 6000 and targetPort 5432.
        aspirate.Edit("postgres-service.yaml", "port: 5432\n    targetPort: 0", "port: 5432\n    targetPort: 6000");

        Assert.Contains("templates/postgres-service.yaml: Service postgres: port tcp targets 6000, which no selected container exposes", Findings());
    }

    [Fact]
    public void Finds_envFrom_of_a_configmap_the_chart_lacks()
    {
        File.Delete(aspirate.Template("minio-configmap.yaml"));

        Assert.Contains("templates/minio-statefulset.yaml: StatefulSet minio: container minio uses ConfigMap minio, which the chart does not define", Findings());
    }

    [Fact]
    public void Finds_a_secret_written_into_the_chart()
    {
        // What Aspirate writes with --secret-password: the generated password itself, base64-encoded.
        var encoded = Convert.ToBase64String("FAKEbakedPassword"u8.ToArray());
        File.WriteAllText(aspirate.Template("postgres-secret.yaml"), $"apiVersion: v1\ndata:\n  POSTGRES_PASSWORD: {encoded}\nkind: Secret\nmetadata:\n  name: postgres\ntype: Opaque\n");

        Assert.Contains("templates/postgres-secret.yaml: Secret postgres: POSTGRES_PASSWORD holds a secret written into the chart; it must come from values at install time", Findings());
    }

    public void Dispose() => aspirate.Dispose();
}
