using System.Security.Cryptography;
using System.Text;
using Shop.Http;

namespace Shop.Orders.Model;

/// <summary>Body of `POST /order` when it names the items (no body checks out the cart).</summary>
public sealed record PlaceOrderRequest(IReadOnlyList<OrderItemRequest> Items)
{
    public void Validate(ValidationErrors errors)
    {
        if (Items.Count is 0 or > Cart.MaxLines)
        {
            errors.Add("items", $"An order has 1 to {Cart.MaxLines} items.");
            return;
        }

        var seen = new HashSet<Guid>();
        for (var index = 0; index < Items.Count; index++)
        {
            var item = Items[index];
            if (item.Quantity is < 1 or > Cart.MaxQuantity)
            {
                errors.Add($"items[{index}].quantity", $"quantity is 1 to {Cart.MaxQuantity}.");
            }

            if (!seen.Add(item.ProductId))
            {
                errors.Add($"items[{index}].productId", "Each product appears once; put the units in its quantity.");
            }
        }
    }

    /// <summary>
    /// Identifies the request behind an Idempotency-Key: the same items in the same order (or the cart, for no
    /// body) give the same hash, whatever the JSON spacing.
    /// </summary>
    public static byte[] Fingerprint(PlaceOrderRequest? request) => SHA256.HashData(Encoding.UTF8.GetBytes(
        request is null ? "cart" : "items:" + string.Join(';', request.Items.Select(item => $"{item.ProductId:N}x{item.Quantity}"))));
}

public sealed record OrderItemRequest(Guid ProductId, int Quantity);
