using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Proof;

namespace Shop.ChartCheck.Tests;

/// <summary>KubernetesClient's models as a schema check: an unknown field, a wrong type or an unknown kind fails.</summary>
public sealed class StrictParseTests
{
    private const string Head = "# Source: shop/templates/x.yaml\n";

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labelz: {}\n", "Property 'labelz' not found")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: two\n", "does not parse strictly")]
    [InlineData("apiVersion: example.org/v1\nkind: Widget\nmetadata:\n  name: x\n", "unknown apiVersion/kind")]
    public void Refuses(string yaml, string expected)
    {
        var problem = Assert.Throws<ChartException>(() => RenderedObjects.Parse("---\n" + Head + yaml));

        Assert.Contains(expected, problem.Message);
        Assert.Contains("shop/templates/x.yaml", problem.Message);
    }

    [Fact]
    public void Accepts_a_valid_object() =>
        Assert.Single(RenderedObjects.Parse("---\n" + Head + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n"));
}
