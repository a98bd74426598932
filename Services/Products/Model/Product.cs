using System.Text.Json.Serialization;

namespace Shop.Products.Model;

/// <summary>A catalogue entry as the API returns it; <see cref="Version"/> only travels as the ETag.</summary>
public sealed record Product(
    Guid Id,
    string Name,
    string Description,
    decimal Price,
    int Stock,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    [property: JsonIgnore] int Version)
{
    /// <summary>Strong entity tag of this representation; it changes with every write, stock changes included.</summary>
    [JsonIgnore]
    public string ETag => $"\"{Version}\"";
}
