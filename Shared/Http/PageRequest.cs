namespace Shop.Http;

/// <summary>
/// The paging every list endpoint shares (contract.md section 3): `page` from 1, `pageSize` 1 to 100, default 20.
/// Out-of-range values are a client mistake (400), never silently clamped.
/// </summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Rows to skip; a long because page × pageSize can exceed an int.</summary>
    public long Offset => (long)(Page - 1) * PageSize;

    public static PageRequest From(int? page, int? pageSize, ValidationErrors errors)
    {
        if (page < 1)
        {
            errors.Add("page", "page starts at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize is between 1 and {MaxPageSize}.");
        }

        return new PageRequest(page ?? 1, pageSize ?? DefaultPageSize);
    }
}

/// <summary>One page of a list: `{items, page, pageSize, total}`.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
