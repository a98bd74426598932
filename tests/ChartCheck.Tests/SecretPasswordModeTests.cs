using Shop.ChartCheck.Checks;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Tests;

/// <summary>With <c>--secret-password</c> Aspirate's Secrets hold every value base64-encoded twice: check says so, fix decodes them.</summary>
public sealed class SecretPasswordModeTests : IDisposable
{
    private readonly AspirateChart aspirate = new();

    public SecretPasswordModeTests() => SecretPasswordMode.Apply(aspirate);

    [Fact]
    public void Check_reports_the_double_encoding() =>
        Assert.Contains(
            "templates/postgres-secret.yaml: Secret postgres: data: every value is base64-encoded twice (Aspirate's --secret-password output): pods would read base64 text",
            ChartChecker.Check(aspirate.Chart, AspirateChart.Manifest).Select(finding => finding.ToString()));

    [Fact]
    public void Fix_decodes_twice_and_replaces_the_values_with_install_time_ones()
    {
        aspirate.Fix();

        Assert.Empty(ChartChecker.Check(aspirate.Chart, AspirateChart.Manifest));
        var rendered = aspirate.Rendered();
        Assert.Equal("INSTALL-TIME(secrets.postgresPassword)", rendered.Find("Secret", "postgres")!.Node.Mapping("stringData").Scalar("POSTGRES_PASSWORD"));
        Assert.Equal(
            "Endpoint=http://minio:9000;AccessKey=INSTALL-TIME(secrets.storageUser);SecretKey=INSTALL-TIME(secrets.storagePassword)",
            rendered.Find("Secret", "auth")!.Node.Mapping("stringData").Scalar("ConnectionStrings__storage"));
    }

    public void Dispose() => aspirate.Dispose();
}
