using System.Net;
using System.Text.Json;
using Shop.Testing;

namespace Shop.Catalog.Tests.Support;

/// <summary>Placing and following orders through the public API.</summary>
public static class Orders
{
    public static async Task<JsonElement> PlaceAsync(this HttpClient customer, params (Guid ProductId, int Quantity)[] lines)
    {
        using var response = await customer.PostJsonAsync("/order", new { items = lines.Select(line => new { productId = line.ProductId, quantity = line.Quantity }) });
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    /// <summary>Polls `GET /order/{id}` until the order leaves pending, and returns it.</summary>
    public static Task<JsonElement> SettledAsync(this HttpClient customer, Guid orderId) =>
        Eventually.GetAsync(
            () => customer.GetJsonAsync($"/order/{orderId}"),
            order => order.GetProperty("status").GetString() != "pending",
            TimeSpan.FromSeconds(30),
            $"order {orderId} settling");

    public static string Status(this JsonElement order) => order.GetProperty("status").GetString()!;
}
