namespace Shop.ChartCheck.Tests;

/// <summary>The command line CI runs: exit codes and one line per finding.</summary>
public sealed class CliTests : IDisposable
{
    private readonly AspirateChart aspirate = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    [Fact]
    public void Check_of_aspirate_output_exits_1_with_a_line_per_finding()
    {
        var exitCode = Cli.Run(["check", aspirate.Directory, "--manifest", AspirateChart.ManifestFile], output, error);

        Assert.Equal(Cli.FoundDefects, exitCode);
        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.All(lines[..^1], line => Assert.Matches(@"^(templates/[a-z-]+\.yaml: [A-Za-z]+ [a-z-]+|values\.yaml|Chart\.yaml): [^ ]+: ", line));
        Assert.EndsWith($"{lines.Length - 1} finding(s)", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_with_every_parameter_exits_0()
    {
        var parameters = AspirateChart.FakeParameters.SelectMany(pair => new[] { "--parameter", $"{pair.Key}={pair.Value}" });

        var exitCode = Cli.Run(["fix", aspirate.Directory, "--manifest", AspirateChart.ManifestFile, .. parameters], output, error);

        Assert.Equal(Cli.Passed, exitCode);
        Assert.EndsWith("no findings", output.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_without_the_parameters_leaves_findings()
    {
        var exitCode = Cli.Run(["fix", aspirate.Directory, "--manifest", AspirateChart.ManifestFile], output, error);

        Assert.Equal(Cli.FoundDefects, exitCode);
        Assert.Contains("Secret postgres: stringData.POSTGRES_PASSWORD: holds a secret written into the chart", output.ToString());
    }

    [Fact]
    public void Refuses_a_parameter_too_short_to_replace_safely()
    {
        var exitCode = Cli.Run(["fix", aspirate.Directory, "--manifest", AspirateChart.ManifestFile, "--parameter", "nats-password=short"], output, error);

        Assert.Equal(Cli.Unusable, exitCode);
        Assert.Contains("parameter nats-password", error.ToString());
    }

    [Fact]
    public void Check_without_the_manifest_exits_2()
    {
        Assert.Equal(Cli.Unusable, Cli.Run(["check", aspirate.Directory], output, error));
        Assert.Contains("--manifest is required", error.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("check")]
    [InlineData("lint", ".")]
    [InlineData("check", "/nonexistent-chart")]
    public void Wrong_command_lines_exit_2(params string[] args) => Assert.Equal(Cli.Unusable, Cli.Run(args, output, error));

    public void Dispose() => aspirate.Dispose();
}
