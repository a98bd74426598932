using System.Security.Claims;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Orders.Model;

/// <summary>
/// The signed-in caller, from the validated access token: id = `sub`, e-mail = `email`. Bound as an endpoint
/// parameter; a token without a UUID subject (never issued by auth) fails binding with 400.
/// </summary>
public sealed record Customer(Guid Id, string Email)
{
    public static ValueTask<Customer?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context.User));

    public static Customer? From(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ShopTokens.SubjectClaim), out var id)
            ? new Customer(id, user.FindFirstValue(ShopTokens.EmailClaim) ?? string.Empty)
            : null;
}
