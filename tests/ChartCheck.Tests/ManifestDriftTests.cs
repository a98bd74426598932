using Shop.ChartCheck.Chart;

namespace Shop.ChartCheck.Tests;

/// <summary>
/// The local proof must never silently test an old chart: the manifest the AppHost writes now must have the shape
/// (resource names and types, env keys, bindings, volumes) of the manifest the Aspirate fixture was generated from.
/// </summary>
public sealed class ManifestDriftTests
{
    [SkippableFact]
    public void The_fixture_was_generated_from_a_manifest_of_the_apphost_s_current_shape()
    {
        var build = Processes.Run("dotnet", ["build", RepositoryPaths.Of("AppHost", "AppHost.csproj"), "-v", "quiet", "-nologo", "-clp:NoSummary"], timeout: TimeSpan.FromMinutes(10));
        Skip.If(build.ExitCode != 0, $"the AppHost cannot be built on this machine, so its manifest cannot be written:\n{FirstErrors(build.Output + build.Error)}");

        var current = AppHostManifest();
        var differences = ManifestShape.Differences(AspirateChart.Manifest, AspireManifest.Load(current));

        Assert.True(differences.Count == 0, $"{Cli.RegenerateFixture}\n{string.Join('\n', differences)}");
    }

    [Fact]
    public void A_changed_binding_or_env_key_is_drift_and_a_changed_value_is_not()
    {
        var fixture = File.ReadAllText(AspirateChart.ManifestFile);
        var changed = fixture
            .Replace("\"services__auth__https__0\": \"{auth.bindings.https.url}\",", "", StringComparison.Ordinal)
            .Replace("docker.io/library/nats:2.14", "docker.io/library/nats:2.15", StringComparison.Ordinal)
            .Replace("\"minLength\": 43", "\"minLength\": 64", StringComparison.Ordinal);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, changed);

            Assert.Equal(
                // products' entry is the last of its env, without the comma this edit matches: it stays.
                ["- gateway: env services__auth__https__0", "- orders: env services__auth__https__0"],
                ManifestShape.Differences(AspirateChart.Manifest, AspireManifest.Load(file)).Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_fixture_has_its_own_shape() => Assert.Empty(ManifestShape.Differences(AspirateChart.Manifest, AspirateChart.Manifest));

    // `./shop manifest <path>` where the AppHost branch has added it, else the AppHost's own publisher switch.
    private static string AppHostManifest()
    {
        var output = Path.Combine(Path.GetTempPath(), $"apphost-manifest-{Guid.NewGuid():N}.json");
        var shopHasManifest = File.ReadAllLines(RepositoryPaths.Of("shop")).Any(line => line.Trim() == "manifest)" || line.TrimStart().StartsWith("manifest)", StringComparison.Ordinal));
        var run = shopHasManifest
            ? Processes.Run(RepositoryPaths.Of("shop"), ["manifest", output])
            : Processes.Run("dotnet", ["run", "--project", RepositoryPaths.Of("AppHost", "AppHost.csproj"), "--no-build", "--", "--publisher", "manifest", "--output-path", output]);
        run.Succeeded("writing the AppHost's manifest");
        return output;
    }

    private static string FirstErrors(string buildOutput) =>
        string.Join('\n', buildOutput.Split('\n').Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(3));
}
