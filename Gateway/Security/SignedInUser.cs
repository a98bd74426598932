using System.Security.Claims;

namespace Shop.Gateway.Security;

/// <summary>Who a valid access token says the caller is: what the services receive as `X-User-*` headers.</summary>
internal sealed record SignedInUser(string Id, string? Email, string Roles, ClaimsPrincipal Principal);
