using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Checks;
using Shop.ChartCheck.Fixes;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Tests;

/// <summary>
/// With <c>--secret-password</c> instead of <c>--disable-secrets</c>, Aspirate puts connection strings and
/// POSTGRES_PASSWORD into Secrets, base64-encoded in data. fix must handle that shape too.
/// </summary>
public sealed class SecretPasswordModeTests : IDisposable
{
    private readonly AspirateChart aspirate = new();

    [Fact]
    public void Base64_secret_values_are_replaced_by_install_time_values()
    {
        var password = AspirateChart.FakeParameters["postgres-password"];
        aspirate.Edit("postgres-configmap.yaml", $"  POSTGRES_PASSWORD: {password}\n", "");
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(password));
        File.WriteAllText(aspirate.Template("postgres-secret.yaml"), $"apiVersion: v1\ndata:\n  POSTGRES_PASSWORD: {encoded}\nkind: Secret\nmetadata:\n  labels:\n    app: postgres\n  name: postgres\ntype: Opaque\n");
        aspirate.Edit("postgres-statefulset.yaml", "            name: postgres\n", "            name: postgres\n        - secretRef:\n            name: postgres\n");

        ChartFixer.Fix(aspirate.Chart, AspirateChart.FakeParameters);

        Assert.Empty(ChartChecker.Check(aspirate.Chart));
        var secret = ChartModel.Rendered(aspirate.Chart).Find("Secret", "postgres")!;
        Assert.Equal("INSTALL-TIME(secrets.postgresPassword)", secret.Node.Mapping("stringData").Scalar("POSTGRES_PASSWORD"));
    }

    public void Dispose() => aspirate.Dispose();
}
