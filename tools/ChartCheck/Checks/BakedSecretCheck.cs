using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Checks;

/// <summary>
/// Secrets written into the chart itself (Aspirate bakes the parameter values into the chart). A secret-looking
/// Secret value must come from an install-time value, never from the chart; and data must be base64 once.
/// </summary>
internal static class BakedSecretCheck
{
    public static IEnumerable<Finding> Find(ChartModel model) => model.OfKind("Secret").SelectMany(Find);

    private static IEnumerable<Finding> Find(ChartObject secret)
    {
        var data = secret.Node.Mapping("data").ScalarEntries().Select(entry => (entry.Key, Value: entry.Value.Value ?? "")).ToList();
        if (Base64Text.IsEncodedTwice(data.Select(entry => entry.Value).ToList()))
        {
            yield return new Finding(secret.ToString(), "data", "every value is base64-encoded twice (Aspirate's --secret-password output): pods would read base64 text");
            yield break;
        }

        var entries = secret.Node.Mapping("stringData").ScalarEntries().Select(entry => (Field: $"stringData.{entry.Key}", entry.Key, Text: (string?)(entry.Value.Value ?? "")))
            .Concat(data.Select(entry => (Field: $"data.{entry.Key}", entry.Key, Text: Base64Text.TryDecode(entry.Value))));
        foreach (var (field, key, text) in entries)
        {
            if (text is null)
            {
                yield return new Finding(secret.ToString(), field, "not base64");
            }
            else if (SecretLooks.IsSecretEntry(key, text) && !text.Contains(ValuesRenderer.InstallTimeMarker, StringComparison.Ordinal))
            {
                yield return new Finding(secret.ToString(), field, "holds a secret written into the chart; it must come from values at install time");
            }
        }
    }
}
