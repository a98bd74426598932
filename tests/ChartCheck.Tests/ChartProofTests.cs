using k8s.Models;
using Shop.ChartCheck.Proof;

namespace Shop.ChartCheck.Tests;

/// <summary>
/// The chart proof of <c>./shop chart</c>, under <c>./shop test</c>: Aspirate's real chart, repaired, passes
/// <c>helm lint --strict</c>, renders with install-time values (alone and with each example values file), every
/// rendered object parses strictly with KubernetesClient's models and the invariants hold.
/// </summary>
public sealed class ChartProofTests : IClassFixture<ChartProofTests.RepairedChart>
{
    private readonly RepairedChart repaired;

    public ChartProofTests(RepairedChart repaired) => this.repaired = repaired;

    public static TheoryData<string> Examples => new() { "", "dev.yaml", "prod.yaml" };

    [Fact]
    public void Helm_lint_strict_passes()
    {
        var lint = Helm.Run("lint", "--strict", repaired.Directory, "-f", repaired.InstallValues);

        Assert.True(lint.ExitCode == 0, lint.Output + lint.Error);
        Assert.Contains("0 chart(s) failed", lint.Output);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_rendered_object_parses_strictly_and_the_invariants_hold(string example)
    {
        var objects = RenderedObjects.Parse(repaired.Render(example));

        Assert.Equal(35, objects.Count);
        Assert.Empty(Invariants.Check(objects, repaired.Secrets).Select(finding => finding.ToString()));
    }

    [Fact]
    public void The_install_time_secrets_land_only_in_secrets()
    {
        var rendered = repaired.Render("");

        var objects = RenderedObjects.Parse(rendered);
        Assert.All(repaired.Secrets, secret => Assert.Contains(secret, rendered));
        Assert.All(objects.Where(item => item is not V1Secret), item =>
            Assert.All(repaired.Secrets, secret => Assert.DoesNotContain(secret, k8s.KubernetesYaml.Serialize(item))));
    }

    [Fact]
    public void The_prod_example_scales_the_services_out()
    {
        var orders = RenderedObjects.Parse(repaired.Render("prod.yaml")).OfType<V1Deployment>().Single(item => item.Metadata.Name == "orders");

        Assert.Equal(3, orders.Spec.Replicas);
        Assert.Equal("768Mi", orders.Spec.Template.Spec.Containers[0].Resources.Limits["memory"].ToString());
    }

    [Fact]
    public void With_external_services_and_own_secrets_the_chart_renders_only_the_services()
    {
        var rendered = Helm.Run("template", "shop", repaired.Directory, "--namespace", "shop",
            "--set", "postgres.enabled=false,nats.enabled=false,minio.enabled=false,mailpit.enabled=false,secrets.create=false").Succeeded("helm template").Output;
        var objects = RenderedObjects.Parse(rendered);

        Assert.Empty(Invariants.Check(objects, []));
        Assert.Empty(objects.OfType<V1Secret>());
        Assert.Empty(objects.OfType<V1StatefulSet>());
        Assert.Equal(["auth", "gateway", "notifications", "orders", "products"], objects.OfType<V1Deployment>().Select(item => item.Metadata.Name).Order());
        var auth = objects.OfType<V1Deployment>().Single(item => item.Metadata.Name == "auth").Spec.Template.Spec.Containers[0];
        Assert.Equal(["auth", "auth-overrides"], auth.EnvFrom.Where(source => source.SecretRef is not null).Select(source => source.SecretRef.Name));
    }

    [Fact]
    public void Without_the_secrets_helm_refuses_to_render()
    {
        var template = Helm.Run("template", "shop", repaired.Directory);

        Assert.NotEqual(0, template.ExitCode);
        Assert.Contains("at install time", template.Error);
    }

    [Fact]
    public void Aspirate_raw_chart_breaks_the_invariants()
    {
        using var raw = new AspirateChart();
        var findings = Invariants.Check(RenderedObjects.Parse(Helm.Template(raw.Directory)), [.. AspirateChart.FakeParameters.Values]).Select(finding => finding.ToString()).ToList();

        Assert.Contains("ConfigMap auth: data.Auth__SigningKeys__0: a secret in a ConfigMap", findings);
        Assert.Contains("ConfigMap postgres: data.POSTGRES_PASSWORD: a secret in a ConfigMap", findings);
        Assert.Contains("Deployment auth: spec.template.spec.containers[auth].readinessProbe: missing", findings);
        Assert.Contains("StatefulSet postgres: spec.template.spec.containers[postgres].resources.requests.cpu: missing", findings);
        Assert.Contains("Service auth: spec.ports[https].targetPort: 0 is not a named port a selected container declares", findings);
        Assert.Contains("Service gateway: Ingress: no Ingress routes to the gateway", findings);
        Assert.Contains("StatefulSet nats: spec.serviceName: nats is not a headless Service", findings);
    }

    /// <summary>The fixture's chart after <c>fix</c>, and made-up install-time secrets, shared by the tests.</summary>
    public sealed class RepairedChart : IDisposable
    {
        private readonly AspirateChart aspirate = AspirateChart.Fixed();

        public RepairedChart()
        {
            var names = AspirateChart.Manifest.SecretParameters().ToList();
            Secrets = names.Select(name => $"TEST{Guid.NewGuid():N}").ToList();
            InstallValues = Path.Combine(aspirate.Directory, "..", $"{Path.GetFileName(aspirate.Directory)}-install.yaml");
            File.WriteAllText(InstallValues, "secrets:\n" + string.Concat(names.Zip(Secrets, (name, secret) => $"  {Fixes.InstallTimeSecrets.ValuesKey(name)}: {secret}\n")));
        }

        public string Directory => aspirate.Directory;

        public string InstallValues { get; }

        public IReadOnlyList<string> Secrets { get; }

        public string Render(string example) =>
            example.Length == 0
                ? Helm.Template(aspirate.Directory, InstallValues)
                : Helm.Template(aspirate.Directory, InstallValues, RepositoryPaths.Of("tools", "ChartCheck", "values", example));

        public void Dispose()
        {
            aspirate.Dispose();
            File.Delete(InstallValues);
        }
    }
}
