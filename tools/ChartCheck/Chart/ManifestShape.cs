using System.Text.Json;

namespace Shop.ChartCheck.Chart;

/// <summary>
/// An Aspire manifest with its values left out: each resource's name and type, its env keys, its bindings
/// (name, scheme, protocol, transport), its volumes, how many args it has and whether it has a connection string.
/// Two manifests of the same shape make the same chart up to values, so a fixture of one tests the other.
/// </summary>
internal static class ManifestShape
{
    public static SortedSet<string> Of(AspireManifest manifest) =>
        new(manifest.Resources.EnumerateObject().SelectMany(resource => Lines(resource.Name, resource.Value)), StringComparer.Ordinal);

    /// <summary>What only the first has (<c>-</c>) and what only the second has (<c>+</c>).</summary>
    public static IReadOnlyList<string> Differences(AspireManifest fixture, AspireManifest current)
    {
        var (before, after) = (Of(fixture), Of(current));
        return before.Except(after).Select(line => $"- {line}").Concat(after.Except(before).Select(line => $"+ {line}")).ToList();
    }

    private static IEnumerable<string> Lines(string name, JsonElement resource)
    {
        yield return $"{name}: type {AspireManifest.Text(resource, "type")}";
        if (resource.TryGetProperty("connectionString", out _))
        {
            yield return $"{name}: connection string";
        }

        foreach (var key in Properties(resource, "env"))
        {
            yield return $"{name}: env {key.Name}";
        }

        foreach (var binding in Properties(resource, "bindings"))
        {
            yield return $"{name}: binding {binding.Name} {AspireManifest.Text(binding.Value, "scheme")}/{AspireManifest.Text(binding.Value, "protocol")}/{AspireManifest.Text(binding.Value, "transport")}";
        }

        if (resource.TryGetProperty("volumes", out var volumes) && volumes.ValueKind == JsonValueKind.Array)
        {
            foreach (var volume in volumes.EnumerateArray())
            {
                yield return $"{name}: volume {AspireManifest.Text(volume, "name")} at {AspireManifest.Text(volume, "target")}";
            }
        }

        if (resource.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array)
        {
            yield return $"{name}: {args.GetArrayLength()} args";
        }
    }

    private static IEnumerable<JsonProperty> Properties(JsonElement resource, string property) =>
        resource.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : [];
}
