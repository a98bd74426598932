using System.Text.RegularExpressions;
using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Checks;

/// <summary>
/// Aspire manifest expressions such as <c>{nats-password-uri-encoded.value}</c> that Aspirate could not resolve.
/// It leaves them as text without a warning, and the service then fails at run time.
/// </summary>
internal static partial class PlaceholderCheck
{
    public static IEnumerable<Finding> Find(ChartModel model) =>
        from item in model.Objects
        from field in item.Node.ScalarFields()
        from Match placeholder in ManifestExpression().Matches(field.Value.Value ?? "")
        select new Finding(item.ToString(), field.Path, $"unresolved Aspire placeholder {placeholder.Value}");

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+\}")]
    private static partial Regex ManifestExpression();
}
