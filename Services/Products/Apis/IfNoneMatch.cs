using Microsoft.Net.Http.Headers;

namespace Shop.Products.Apis;

/// <summary>`If-None-Match` on a read: `*` or a tag equal to the current one under weak comparison (RFC 9110 13.1.2) means 304.</summary>
public static class IfNoneMatch
{
    public static bool IsSatisfiedBy(HttpRequest request, string currentETag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(new EntityTagHeaderValue(currentETag), useStrongComparison: false));
}
