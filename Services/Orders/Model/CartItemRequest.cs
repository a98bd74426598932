using Shop.Http;

namespace Shop.Orders.Model;

/// <summary>Body of `PUT /cart/items/{productId}`: 0 removes the line, 1 to 100 sets it.</summary>
public sealed record CartItemRequest(int Quantity)
{
    public void Validate(ValidationErrors errors)
    {
        if (Quantity is < 0 or > Cart.MaxQuantity)
        {
            errors.Add("quantity", $"quantity is 0 (remove) or 1 to {Cart.MaxQuantity}.");
        }
    }
}
