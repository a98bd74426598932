using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// Replaces every Aspire parameter value CI passed to Aspirate (and Aspirate's unresolved
/// <c>{name.value}</c> / <c>{name-uri-encoded.value}</c> placeholders) with a required install-time value
/// <c>secrets.&lt;camelCaseName&gt;</c>. The published chart then holds no secret, and one value per secret
/// feeds every connection string that embeds it.
/// </summary>
internal static class InstallTimeSecrets
{
    // Shorter values could also match ordinary text such as a user name.
    private const int MinimumValueLength = 16;

    public static IEnumerable<string> Apply(FixContext context, IReadOnlyDictionary<string, string> parameters)
    {
        var scalars = context.Model.Objects.SelectMany(item => item.Node.ScalarValues()).ToList();
        foreach (var (name, value) in parameters)
        {
            if (value.Length < MinimumValueLength)
            {
                throw new ChartException($"parameter {name}: a value shorter than {MinimumValueLength} characters cannot be replaced safely");
            }

            var valuesKey = ValuesKey(name);
            var token = context.Actions.Token($"{{{{ required `set secrets.{valuesKey} at install time` .Values.secrets.{valuesKey} }}}}");
            var texts = new[] { value, $"{{{name}.value}}", $"{{{name}-uri-encoded.value}}" };
            var replaced = scalars.Count(scalar => Replace(scalar, texts, token));

            context.DefaultValue($"secrets.{valuesKey}", YamlNodes.Quoted(""));
            yield return replaced > 0
                ? $"parameter {name}: {replaced} value(s) now read secrets.{valuesKey}"
                : $"parameter {name}: not found in the chart (secrets.{valuesKey} is declared anyway)";
        }
    }

    /// <summary><c>postgres-password</c> becomes <c>postgresPassword</c>.</summary>
    public static string ValuesKey(string parameterName)
    {
        var words = parameterName.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return words[0] + string.Concat(words.Skip(1).Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
    }

    private static bool Replace(YamlScalarNode scalar, string[] texts, string token)
    {
        var original = scalar.Value ?? "";
        var updated = texts.Aggregate(original, (text, secret) => text.Replace(secret, token, StringComparison.Ordinal));
        if (updated == original)
        {
            return false;
        }

        scalar.Value = updated;
        scalar.Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted;
        return true;
    }
}
