using Shop.Http;

namespace Shop.Products.Model;

/// <summary>Body of `POST /product` and `PUT /product/{id}`; an absent or null description is stored as empty.</summary>
public sealed record ProductRequest(string Name, decimal Price, int Stock, string? Description = null)
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    /// <summary>numeric(10, 2) holds it, and 100 lines of 100 units still fit an order total.</summary>
    public const decimal MaxPrice = 99_999_999.99m;

    /// <summary>Far below int.MaxValue, so releasing reserved units back can never overflow.</summary>
    public const int MaxStock = 1_000_000_000;

    public string DescriptionOrEmpty => Description ?? string.Empty;

    public void Validate(ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength)
        {
            errors.Add("name", $"name is 1 to {MaxNameLength} characters, not all blank.");
        }
        else if (!TextRules.IsPlainText(Name, allowLineBreaks: false))
        {
            errors.Add("name", "name contains control characters or invalid Unicode.");
        }

        if (DescriptionOrEmpty.Length > MaxDescriptionLength)
        {
            errors.Add("description", $"description is at most {MaxDescriptionLength} characters.");
        }
        else if (!TextRules.IsPlainText(DescriptionOrEmpty, allowLineBreaks: true))
        {
            errors.Add("description", "description contains control characters or invalid Unicode.");
        }

        if (Price < 0 || Price > MaxPrice || decimal.Round(Price, 2) != Price)
        {
            errors.Add("price", $"price is between 0 and {MaxPrice} with at most 2 decimals.");
        }

        if (Stock is < 0 or > MaxStock)
        {
            errors.Add("stock", $"stock is a whole number between 0 and {MaxStock}.");
        }
    }
}
