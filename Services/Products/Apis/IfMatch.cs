using Microsoft.Net.Http.Headers;

namespace Shop.Products.Apis;

/// <summary>
/// The `If-Match` precondition of a write: absent (write unconditionally), `*` (any current version) or a list of
/// entity tags compared strongly (RFC 9110 13.1.1), so a weak tag never matches.
/// </summary>
public sealed class IfMatch
{
    private readonly IReadOnlyList<EntityTagHeaderValue>? tags;

    private IfMatch(IReadOnlyList<EntityTagHeaderValue>? tags) => this.tags = tags;

    public static IfMatch None { get; } = new(null);

    /// <summary>False when the header is present but not a valid list of entity tags.</summary>
    public static bool TryParse(HttpRequest request, out IfMatch condition)
    {
        condition = None;
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(header, out var parsed) || parsed.Count == 0)
        {
            return false;
        }

        condition = new IfMatch(parsed.ToList());
        return true;
    }

    public bool IsSatisfiedBy(string currentETag) =>
        tags is null || tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(new EntityTagHeaderValue(currentETag), useStrongComparison: true));
}
