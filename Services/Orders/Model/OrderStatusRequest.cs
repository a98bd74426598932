using Shop.Http;

namespace Shop.Orders.Model;

/// <summary>Body of `PUT /order/{id}/status`.</summary>
public sealed record OrderStatusRequest(string Status)
{
    public void Validate(ValidationErrors errors)
    {
        if (!OrderStatus.All.Contains(Status))
        {
            errors.Add("status", $"status is one of {string.Join(", ", OrderStatus.All)}.");
        }
    }
}
