using System.Text.RegularExpressions;
using Shop.ChartCheck.Chart;

namespace Shop.ChartCheck.Tests;

/// <summary>
/// The one imitation kept: the fixture was made with <c>--disable-secrets</c>; with <c>--secret-password</c>
/// Aspirate puts the env keys that start with <c>ConnectionString</c>, and <c>POSTGRES_PASSWORD</c>, into a
/// Secret of the resource's name, each value in <c>data</c> base64-encoded twice (its pre-encoding plus the
/// Kubernetes client's), and loads it with <c>secretRef</c>. This derives that shape from the real output.
/// </summary>
internal static partial class SecretPasswordMode
{
    public static void Apply(AspirateChart aspirate)
    {
        foreach (var configMapFile in Directory.EnumerateFiles(Path.Combine(aspirate.Directory, "templates"), "*-configmap.yaml"))
        {
            var name = Path.GetFileName(configMapFile)[..^"-configmap.yaml".Length];
            var lines = File.ReadAllLines(configMapFile);
            var secretLines = lines.Where(line => SecretKey().IsMatch(line)).ToList();
            if (secretLines.Count == 0)
            {
                continue;
            }

            File.WriteAllLines(configMapFile, lines.Except(secretLines));
            var data = secretLines.Select(line => SecretKey().Match(line)).Select(match => $"  {match.Groups["key"].Value}: {Base64Text.Encode(Base64Text.Encode(match.Groups["value"].Value))}");
            File.WriteAllText(aspirate.Template($"{name}-secret.yaml"), $"apiVersion: v1\nkind: Secret\nmetadata:\n  annotations: {{}}\n  labels:\n    app: {name}\n  name: {name}\ndata:\n{string.Join('\n', data)}\ntype: Opaque");
            aspirate.Edit(WorkloadFile(aspirate, name), $"        - configMapRef:\n            name: {name}\n", $"        - configMapRef:\n            name: {name}\n        - secretRef:\n            name: {name}\n");
        }
    }

    private static string WorkloadFile(AspirateChart aspirate, string name) =>
        File.Exists(aspirate.Template($"{name}-deployment.yaml")) ? $"{name}-deployment.yaml" : $"{name}-statefulset.yaml";

    [GeneratedRegex(@"^  (?<key>ConnectionString\w*|POSTGRES_PASSWORD): (?<value>.*)$")]
    private static partial Regex SecretKey();
}
