using Microsoft.AspNetCore.Mvc;
using Shop.Http;

namespace Shop.Products.Model;

/// <summary>The query string of `GET /product`, as bound (wrong types, and prices in another culture's notation, are already a 400 from the binder).</summary>
public sealed record ProductListQuery(
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "minPrice")] InvariantDecimal? MinPrice,
    [FromQuery(Name = "maxPrice")] InvariantDecimal? MaxPrice)
{
    public const int MaxQueryLength = 200;

    public ProductFilter? Validate(ValidationErrors errors)
    {
        var paging = PageRequest.From(Page, PageSize, errors);
        var search = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        if (search is not null && (search.Length > MaxQueryLength || !TextRules.IsPlainText(search, allowLineBreaks: false)))
        {
            errors.Add("q", $"q is at most {MaxQueryLength} characters of plain text.");
        }

        var orderBy = ProductSort.ToOrderBy(Sort ?? ProductSort.Default);
        if (orderBy is null)
        {
            errors.Add("sort", $"sort is one of {string.Join(", ", ProductSort.Values)}.");
        }

        decimal? minPrice = MinPrice, maxPrice = MaxPrice;
        CheckPrice("minPrice", minPrice, errors);
        CheckPrice("maxPrice", maxPrice, errors);
        if (minPrice > maxPrice)
        {
            errors.Add("minPrice", "minPrice is at most maxPrice.");
        }

        return errors.IsEmpty ? new ProductFilter(paging, search, orderBy!, minPrice, maxPrice) : null;
    }

    private static void CheckPrice(string field, decimal? price, ValidationErrors errors)
    {
        if (price is < 0 or > ProductRequest.MaxPrice)
        {
            errors.Add(field, $"{field} is between 0 and {ProductRequest.MaxPrice}.");
        }
    }
}

/// <summary>A validated list request: what the repository turns into SQL.</summary>
public sealed record ProductFilter(PageRequest Paging, string? Search, string OrderBy, decimal? MinPrice, decimal? MaxPrice);
