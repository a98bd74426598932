namespace Shop.Products.Model;

/// <summary>The `sort` values of `GET /product` and the ORDER BY each stands for (id breaks ties so pages are stable).</summary>
public static class ProductSort
{
    public const string Default = "-createdAt";

    private static readonly Dictionary<string, string> OrderBy = new(StringComparer.Ordinal)
    {
        ["name"] = "name, id",
        ["-name"] = "name DESC, id DESC",
        ["price"] = "price, id",
        ["-price"] = "price DESC, id DESC",
        ["createdAt"] = "created_at, id",
        ["-createdAt"] = "created_at DESC, id DESC",
    };

    public static IReadOnlyCollection<string> Values => OrderBy.Keys;

    /// <summary>The SQL ORDER BY list for a sort value, or null when the value is not one of <see cref="Values"/>.</summary>
    public static string? ToOrderBy(string sort) => OrderBy.GetValueOrDefault(sort);
}
