using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Fixes;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Checks;

/// <summary>
/// Aspirate lowercases whole image references; registry tags are case-sensitive, so
/// <c>minio:RELEASE.2025-...Z</c> becomes a tag that does not exist. The manifest holds the real reference.
/// </summary>
internal static class ImageCheck
{
    public static IEnumerable<Finding> Find(HelmChart chart, AspireManifest manifest)
    {
        var images = ChartModel.LoadValues(chart).Mapping("images");
        foreach (var (resource, image) in manifest.ContainerImages())
        {
            var key = FixContext.KeyOf(resource);
            if (images.Scalar(key) is { } charted && charted != image && string.Equals(charted, image, StringComparison.OrdinalIgnoreCase))
            {
                yield return new Finding("values.yaml", $"images.{key}", $"{charted} is the manifest's {image} lowercased; the tag would not pull");
            }
        }
    }
}
