using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Checks;

/// <summary>
/// Secrets written into the chart itself (Aspirate bakes generated passwords into Secret templates).
/// A secret-looking Secret value must come from an install-time value, never from the chart.
/// </summary>
internal static class BakedSecretCheck
{
    public static IEnumerable<Finding> Find(ChartModel model) =>
        from secret in model.OfKind("Secret")
        from entry in Entries(secret)
        where entry.Problem is not null || (SecretLooks.IsSecretEntry(entry.Key, entry.Value) && !FromInstallTime(entry.Value))
        select new Finding(secret.ToString(), entry.Problem ?? $"{entry.Key} holds a secret written into the chart; it must come from values at install time");

    private static bool FromInstallTime(string value) => value.Contains(ValuesRenderer.InstallTimeMarker, StringComparison.Ordinal);

    private static IEnumerable<(string Key, string Value, string? Problem)> Entries(ChartObject secret)
    {
        foreach (var (key, value) in secret.Node.Mapping("stringData").ScalarEntries())
        {
            yield return (key, value.Value ?? "", null);
        }

        foreach (var (key, value) in secret.Node.Mapping("data").ScalarEntries())
        {
            yield return Base64Text.TryDecode(value.Value ?? "") is { } decoded
                ? (key, decoded, null)
                : (key, "", $"{key} in data is not base64");
        }
    }
}
