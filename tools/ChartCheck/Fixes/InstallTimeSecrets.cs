using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// Replaces every secret Aspire parameter with a required install-time value <c>secrets.&lt;camelCaseName&gt;</c>:
/// the value CI passed to Aspirate wherever Aspirate wrote it, the <c>{name.value}</c> placeholders it left,
/// and the <c>{name-uri-encoded.value}</c> strings of Aspire 13 (unknown to Aspirate) as the value URI-encoded.
/// The published chart then holds no secret, and one value per secret feeds every connection string that embeds it.
/// </summary>
internal static class InstallTimeSecrets
{
    // Shorter values could also match ordinary text such as a user name.
    private const int MinimumValueLength = 16;

    public static IEnumerable<string> Apply(FixContext context, AspireManifest manifest, IReadOnlyDictionary<string, string> parameters)
    {
        var scalars = context.Model.Objects.SelectMany(item => item.Node.ScalarFields().Select(field => field.Value)).ToList();
        var uriEncoded = manifest.UriEncodedParameters().ToList();
        foreach (var name in manifest.SecretParameters().Union(parameters.Keys).Order(StringComparer.Ordinal))
        {
            var valuesKey = ValuesKey(name);
            var required = $"required `set secrets.{valuesKey} at install time` .Values.secrets.{valuesKey}";
            var plain = context.Actions.Token($"{{{{ {required} }}}}");
            var replacements = new List<(string Text, string Token)> { ($"{{{name}.value}}", plain) };
            if (parameters.TryGetValue(name, out var value))
            {
                replacements.Add((value.Length >= MinimumValueLength ? value : throw new ChartException($"parameter {name}: a value shorter than {MinimumValueLength} characters cannot be replaced safely"), plain));
            }

            var encoded = context.Actions.Token($"{{{{ {required} | urlquery }}}}");
            replacements.AddRange(uriEncoded.Where(item => item.Parameter == name).Select(item => ($"{{{item.Name}.value}}", encoded)));

            var replaced = scalars.Count(scalar => Replace(scalar, replacements));
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

    private static bool Replace(YamlScalarNode scalar, IEnumerable<(string Text, string Token)> replacements)
    {
        var original = scalar.Value ?? "";
        var updated = replacements.Aggregate(original, (text, replacement) => text.Replace(replacement.Text, replacement.Token, StringComparison.Ordinal));
        if (updated == original)
        {
            return false;
        }

        scalar.Value = updated;
        scalar.Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted;
        return true;
    }
}
