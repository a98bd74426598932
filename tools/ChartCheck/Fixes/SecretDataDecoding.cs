using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// With <c>--secret-password</c> Aspirate writes Secret values base64-encoded in <c>data</c>, every value twice.
/// Decoding them (twice where they were encoded twice) into <c>stringData</c> gives pods the real text and lets
/// the next fix find the parameter values inside and replace them with install-time values.
/// </summary>
internal static class SecretDataDecoding
{
    public static IEnumerable<string> Apply(FixContext context)
    {
        foreach (var secret in context.Model.OfKind("Secret"))
        {
            if (secret.Node.Mapping("data") is not { } data)
            {
                continue;
            }

            var entries = data.ScalarEntries().Select(entry => (entry.Key, Value: entry.Value.Value ?? "")).ToList();
            var twice = Base64Text.IsEncodedTwice(entries.Select(entry => entry.Value).ToList());
            var stringData = secret.Node.GetOrAddMapping("stringData");
            foreach (var (key, value) in entries)
            {
                var decoded = Decode(value, twice) ?? throw new ChartException($"{secret}: data.{key} is not base64");
                stringData.Set(key, YamlNodes.Quoted(decoded));
            }

            secret.Node.Remove("data");
            yield return $"{secret}: decoded data into stringData{(twice ? " (it was base64-encoded twice)" : "")}";
        }
    }

    private static string? Decode(string value, bool twice) =>
        Base64Text.TryDecode(value) is { } once ? (twice ? Base64Text.TryDecode(once) : once) : null;
}
