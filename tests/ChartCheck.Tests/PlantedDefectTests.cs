using Shop.ChartCheck.Checks;

namespace Shop.ChartCheck.Tests;

/// <summary>Defects the real output does not have today but a change of the AppHost or of Aspirate could bring: planted into the repaired chart, check finds each.</summary>
public sealed class PlantedDefectTests : IDisposable
{
    private readonly AspirateChart aspirate = AspirateChart.Fixed();

    [Fact]
    public void A_service_whose_selector_matches_no_pod()
    {
        aspirate.Edit("auth-service.yaml", "  selector:\n    app: auth", "  selector:\n    app: auth-old");

        Assert.Contains("templates/auth-service.yaml: Service auth: spec.selector: matches no pod template", Findings());
    }

    [Fact]
    public void A_service_port_swapped_by_aspirate()
    {
        // Aspirate's swap when an endpoint sets port 6000 and targetPort 5432 (its issue #259).
        aspirate.Edit("postgres-service.yaml", "targetPort: tcp", "targetPort: 6000");

        Assert.Contains("templates/postgres-service.yaml: Service postgres: spec.ports[tcp].targetPort: 6000 is not the name of a port the selected containers declare", Findings());
    }

    [Fact]
    public void EnvFrom_of_a_secret_the_chart_lacks()
    {
        File.Delete(aspirate.Template("minio-secret.yaml"));

        Assert.Contains("templates/minio-statefulset.yaml: StatefulSet minio: spec.template.spec.containers[minio].envFrom: uses Secret minio, which the chart does not define", Findings());
    }

    [Fact]
    public void A_secret_written_into_the_chart()
    {
        aspirate.Edit("postgres-secret.yaml", "{{ required `set secrets.postgresPassword at install time` .Values.secrets.postgresPassword }}", "FAKEbakedPassword");

        Assert.Contains("templates/postgres-secret.yaml: Secret postgres: stringData.POSTGRES_PASSWORD: holds a secret written into the chart; it must come from values at install time", Findings());
    }

    [Fact]
    public void A_secret_as_an_environment_literal()
    {
        aspirate.Edit("orders-deployment.yaml", "        envFrom:", "        env:\n        - name: Orders__ApiKey\n          value: FAKEliteral\n        envFrom:");

        Assert.Contains("templates/orders-deployment.yaml: Deployment orders: spec.template.spec.containers[orders].env[Orders__ApiKey]: a secret written as a literal value", Findings());
    }

    [Fact]
    public void A_statefulset_without_a_claim()
    {
        var text = File.ReadAllText(aspirate.Template("nats-statefulset.yaml"));
        var claims = text.IndexOf("  volumeClaimTemplates:", StringComparison.Ordinal);
        File.WriteAllText(aspirate.Template("nats-statefulset.yaml"), text[..claims] + text[text.IndexOf("{{- end }}", claims, StringComparison.Ordinal)..]);

        Assert.Contains("templates/nats-statefulset.yaml: StatefulSet nats: spec.volumeClaimTemplates: no volume claim: the data would not survive a restart", Findings());
    }

    private List<string> Findings() => ChartChecker.Check(aspirate.Chart, AspirateChart.Manifest).Select(finding => finding.ToString()).ToList();

    public void Dispose() => aspirate.Dispose();
}
