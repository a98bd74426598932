using System.Text.Json;

namespace Shop.ChartCheck.Chart;

/// <summary>
/// The Aspire manifest Aspirate generated the chart from: it keeps what Aspirate loses (the exact image
/// references, which parameters are secret, which strings are parameters URI-encoded).
/// </summary>
internal sealed class AspireManifest
{
    private AspireManifest(JsonElement resources) => Resources = resources;

    public JsonElement Resources { get; }

    public static AspireManifest Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ChartException($"{path} not found: pass the Aspire manifest Aspirate read (--manifest)");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Object)
        {
            throw new ChartException($"{path}: not an Aspire manifest (no resources object)");
        }

        return new AspireManifest(resources.Clone());
    }

    /// <summary>Each container resource's image, exactly as the AppHost wrote it.</summary>
    public IEnumerable<(string Resource, string Image)> ContainerImages() =>
        from resource in Resources.EnumerateObject()
        where Text(resource.Value, "type") is { } type && type.StartsWith("container.", StringComparison.Ordinal)
        where Text(resource.Value, "image") is not null
        select (resource.Name, Text(resource.Value, "image")!);

    /// <summary>Parameters marked secret: each becomes a required install-time value.</summary>
    public IEnumerable<string> SecretParameters() =>
        from resource in Resources.EnumerateObject()
        where Text(resource.Value, "type") == "parameter.v0"
        where resource.Value.TryGetProperty("inputs", out var inputs)
            && inputs.TryGetProperty("value", out var value)
            && value.TryGetProperty("secret", out var secret) && secret.ValueKind == JsonValueKind.True
        select resource.Name;

    /// <summary>Aspire 13's <c>annotated.string</c> resources with the <c>uri</c> filter: name and the parameter they encode.</summary>
    public IEnumerable<(string Name, string Parameter)> UriEncodedParameters() =>
        from resource in Resources.EnumerateObject()
        where Text(resource.Value, "type") == "annotated.string" && Text(resource.Value, "filter") == "uri"
        let value = Text(resource.Value, "value") ?? ""
        where value.StartsWith('{') && value.EndsWith(".value}", StringComparison.Ordinal)
        select (resource.Name, value[1..^".value}".Length]);

    public static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
