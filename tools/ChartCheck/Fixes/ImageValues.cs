using Shop.ChartCheck.Chart;
using Shop.ChartCheck.Yaml;
using YamlDotNet.RepresentationModel;

namespace Shop.ChartCheck.Fixes;

/// <summary>
/// Our services' images are <c>&lt;registry&gt;/shop-&lt;name&gt;:&lt;tag&gt;</c>, all built from one commit: the
/// registry (with its repository prefix) and the tag become the values <c>image.registry</c> and <c>image.tag</c>,
/// so an operator moves every service to a mirror or a release with two values. The backing services keep
/// their own <c>images.&lt;name&gt;</c>.
/// </summary>
internal static class ImageValues
{
    public static IEnumerable<string> Apply(FixContext context)
    {
        var images = context.Values.Mapping("images");
        foreach (var workload in context.Model.Workloads)
        {
            foreach (var container in workload.Containers.Where(context.Model.IsProjectContainer))
            {
                var key = FixContext.KeyOf(workload.Name);
                if (context.Actions.ActionOf(container.Scalar("image") ?? "") != $"{{{{ .Values.images.{key} }}}}" || images.Scalar(key) is not { } image)
                {
                    continue;
                }

                var (registry, repository, tag) = Split(image) ?? throw new ChartException($"values.yaml: images.{key} ({image}) is not <registry>/<repository>:<tag>");
                context.DefaultValue("image.registry", new YamlScalarNode(registry));
                context.DefaultValue("image.tag", YamlNodes.Quoted(tag));
                container.Set("image", YamlNodes.Quoted($"{context.ValueReference("image.registry")}/{repository}:{context.ValueReference("image.tag")}"));
                images!.Remove(key);
                yield return $"{workload}: image {repository} from image.registry and image.tag";
            }
        }
    }

    private static (string Registry, string Repository, string Tag)? Split(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return slash > 0 && colon > slash ? (image[..slash], image[(slash + 1)..colon], image[(colon + 1)..]) : null;
    }
}
