using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Proof;

/// <summary>The secrets an install-time values file sets (<c>secrets.*</c>), which must show up only inside Secrets.</summary>
internal static class InstallValues
{
    // Shorter values (a user name such as "nats") also occur as ordinary text.
    private const int MinimumSecretLength = 8;

    public static IEnumerable<string> Secrets(string valuesFile)
    {
        var values = File.Exists(valuesFile) ? YamlText.Load(File.ReadAllText(valuesFile)).FirstOrDefault() : throw new ChartException($"{valuesFile} not found");
        return values.Mapping("secrets").ScalarEntries()
            .Select(entry => entry.Value.Value ?? "")
            .Where(value => value.Length >= MinimumSecretLength);
    }
}
