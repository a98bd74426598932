using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// With <c>--secret-password</c> Aspirate writes Secret values base64-encoded in <c>data</c>. Decoding them into
/// <c>stringData</c> lets the next fix find the parameter values inside and replace them with install-time values.
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

            var stringData = secret.Node.GetOrAddMapping("stringData");
            foreach (var (key, value) in data.ScalarEntries().ToList())
            {
                var decoded = Base64Text.TryDecode(value.Value ?? "") ?? throw new ChartException($"{secret}: {key} in data is not base64");
                stringData.Set(key, YamlNodes.Quoted(decoded));
            }

            secret.Node.Remove("data");
            yield return $"{secret}: decoded data into stringData";
        }
    }
}
