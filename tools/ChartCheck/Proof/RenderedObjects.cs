using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Shop.ChartCheck.Chart;

namespace Shop.ChartCheck.Proof;

/// <summary>
/// What <c>helm template</c> rendered, parsed strictly with KubernetesClient's models: a field the model does
/// not have, a value of the wrong type or a kind it does not know fails, which makes the models a local schema check.
/// </summary>
internal static partial class RenderedObjects
{
    public static IReadOnlyList<IKubernetesObject> Parse(string renderedYaml)
    {
        var documents = DocumentSeparator().Split(renderedYaml).Where(document => document.Split('\n').Any(IsContent)).ToList();
        var objects = new List<IKubernetesObject>();
        foreach (var (document, index) in documents.Select((document, index) => (document, index)))
        {
            try
            {
                objects.AddRange(KubernetesYaml.LoadAllFromString(document, typeMap: null, strict: true).OfType<IKubernetesObject>());
            }
            catch (Exception problem) when (problem is YamlDotNet.Core.YamlException or KeyNotFoundException)
            {
                throw new ChartException($"rendered object {index + 1} ({Source(document)}) does not parse strictly: {Describe(problem)}");
            }
        }

        return objects;
    }

    private static bool IsContent(string line) => line.Trim() is { Length: > 0 } text && !text.StartsWith('#');

    // helm writes "# Source: shop/templates/<file>" above each object.
    private static string Source(string document) =>
        document.Split('\n').FirstOrDefault(line => line.StartsWith("# Source: ", StringComparison.Ordinal))?["# Source: ".Length..].Trim() ?? "no source line";

    private static string Describe(Exception problem) =>
        problem is KeyNotFoundException ? $"unknown apiVersion/kind ({problem.Message})" : string.Join(": ", Messages(problem).Distinct());

    private static IEnumerable<string> Messages(Exception? problem)
    {
        for (; problem is not null; problem = problem.InnerException)
        {
            yield return problem.Message;
        }
    }

    [GeneratedRegex(@"^---\s*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();
}
