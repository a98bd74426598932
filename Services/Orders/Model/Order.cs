using System.Text.Json.Serialization;

namespace Shop.Orders.Model;

/// <summary>An order as the API returns it; owner, e-mail and rejection reason travel in events, not here.</summary>
public sealed record Order(Guid Id, string Status, IReadOnlyList<PricedLine> Items, decimal Total, DateTime CreatedAt, DateTime UpdatedAt)
{
    [JsonIgnore]
    public Guid UserId { get; init; }

    [JsonIgnore]
    public string Email { get; init; } = string.Empty;

    [JsonIgnore]
    public string? Reason { get; init; }
}
