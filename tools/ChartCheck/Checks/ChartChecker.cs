using Shop.ChartCheck.Chart;

namespace Shop.ChartCheck.Checks;

/// <summary>Runs every check over the chart as helm would render it.</summary>
internal static class ChartChecker
{
    private static readonly Func<ChartModel, IEnumerable<Finding>>[] Checks =
    [
        PlaceholderCheck.Find,
        SecretExposureCheck.Find,
        BakedSecretCheck.Find,
        ServiceCheck.Find,
        EnvironmentReferenceCheck.Find,
        ProbeCheck.Find,
    ];

    public static IReadOnlyList<Finding> Check(HelmChart chart)
    {
        var model = ChartModel.Rendered(chart);
        return Checks.SelectMany(check => check(model)).ToList();
    }
}
