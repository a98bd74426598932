using System.Security.Claims;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Auth.Apis;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The `sub` of a validated access token (auth issues only UUIDs there).</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ShopTokens.SubjectClaim), out var id) ? id : Guid.Empty;
}
