using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;

namespace Shop.ChartCheck.Fixes;

/// <summary>Puts back the image references Aspirate lowercased, exactly as the manifest has them.</summary>
internal static class ImageFix
{
    public static IEnumerable<string> Apply(FixContext context, AspireManifest manifest)
    {
        var images = context.Values.Mapping("images");
        foreach (var (resource, image) in manifest.ContainerImages())
        {
            var key = FixContext.KeyOf(resource);
            if (images.Scalar(key) is { } charted && charted != image && string.Equals(charted, image, StringComparison.OrdinalIgnoreCase))
            {
                images!.Set(key, image);
                yield return $"values.yaml: images.{key} is {image} again (Aspirate lowercased it)";
            }
        }
    }
}
