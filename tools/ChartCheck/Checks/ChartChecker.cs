using Shop.ChartCheck.Chart;

namespace Shop.ChartCheck.Checks;

/// <summary>Runs every check over the chart as helm would render it, and over its values and metadata.</summary>
internal static class ChartChecker
{
    private static readonly Func<ChartModel, IEnumerable<Finding>>[] ObjectChecks =
    [
        PlaceholderCheck.Find,
        SecretExposureCheck.Find,
        BakedSecretCheck.Find,
        EndpointSchemeCheck.Find,
        ServiceCheck.Find,
        HttpsPortCheck.Find,
        EnvironmentReferenceCheck.Find,
        WorkloadCheck.Find,
        GatewayIngressCheck.Find,
    ];

    public static IReadOnlyList<Finding> Check(HelmChart chart, AspireManifest manifest)
    {
        var model = ChartModel.Rendered(chart);
        return ObjectChecks.SelectMany(check => check(model))
            .Concat(ImageCheck.Find(chart, manifest))
            .Concat(ChartNameCheck.Find(chart))
            .ToList();
    }
}
