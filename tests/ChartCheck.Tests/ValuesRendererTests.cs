using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Tests;

/// <summary>The renderer handles exactly the template actions the chart uses, and refuses the rest.</summary>
public sealed class ValuesRendererTests
{
    private readonly ValuesRenderer renderer = new(YamlText.Load("images:\n  auth: ghcr.io/o/shop-auth:1\nreplicas:\n  auth: 2\n").Single());

    [Fact]
    public void Renders_a_values_path() =>
        Assert.Equal("image: 'ghcr.io/o/shop-auth:1'\nreplicas: 2", renderer.Render("image: '{{ .Values.images.auth }}'\nreplicas: {{ .Values.replicas.auth }}", "t.yaml"));

    [Fact]
    public void Renders_a_required_value_as_an_install_time_marker() =>
        Assert.Equal("Password=INSTALL-TIME(secrets.postgresPassword);", renderer.Render("Password={{ required `set it` .Values.secrets.postgresPassword }};", "t.yaml"));

    [Theory]
    [InlineData("{{ .Values.images.auth | quote }}")]
    [InlineData("{{ .Release.Name }}")]
    [InlineData("{{ default 1 .Values.replicas.orders }}")]
    public void Refuses_actions_it_cannot_render(string action)
    {
        var problem = Assert.Throws<ChartException>(() => renderer.Render(action, "t.yaml"));

        Assert.Equal($"t.yaml: unsupported template action {action}", problem.Message);
    }

    [Theory]
    [InlineData("{{- if .Values.replicas.auth }}\nkind: Service\n{{- end }}\n", "kind: Service")]
    [InlineData("{{- if .Values.postgres.enabled }}\nkind: Service\n{{- end }}\n", "")]
    public void Renders_a_file_only_when_its_condition_holds(string template, string expected) =>
        Assert.Equal(expected, renderer.Render(template, "t.yaml"));

    [Fact]
    public void Refuses_a_file_whose_conditions_are_not_closed()
    {
        var problem = Assert.Throws<ChartException>(() => renderer.Render("{{- if .Values.replicas.auth }}\nkind: Service\n", "t.yaml"));

        Assert.Contains("must end with as many {{- end }} lines", problem.Message);
    }

    [Fact]
    public void Refuses_a_path_values_do_not_have()
    {
        var problem = Assert.Throws<ChartException>(() => renderer.Render("{{ .Values.images.orders }}", "t.yaml"));

        Assert.Equal("t.yaml: values.yaml has no value at images.orders", problem.Message);
    }
}
