using System.Net;
using System.Text.Json;

namespace Shop.Catalog.Tests.Support;

/// <summary>Products created through the public API by the admin, as an operator would.</summary>
public static class Catalogue
{
    /// <summary>A word no other test uses, to put in names and find again with `q`.</summary>
    public static string NewTag() => "t" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<JsonElement> CreateProductAsync(this CatalogStack stack, string name, decimal price, int stock, string description = "")
    {
        using var admin = await stack.Accounts.ClientAsync(CatalogStack.AdminEmail);
        using var response = await admin.PostJsonAsync("/product", new { name, description, price, stock });
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    public static async Task<int> StockAsync(this CatalogStack stack, Guid productId)
    {
        using var api = stack.CreateApiClient();
        return (await api.GetJsonAsync($"/product/{productId}")).GetProperty("stock").GetInt32();
    }

    public static Guid Id(this JsonElement resource) => resource.GetProperty("id").GetGuid();
}
