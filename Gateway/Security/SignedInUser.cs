using System.Security.Claims;

namespace Shop.Gateway.Security;

/// <summary>
/// Who a valid access token says the caller is: what the services receive as `X-User-*` headers, and the sign-in
/// (`sid`) and roles version (`rv`) by which <see cref="RevocationList"/> may refuse the token later.
/// </summary>
internal sealed record SignedInUser(string Id, string? Email, string Roles, ClaimsPrincipal Principal, string? SessionId = null, int RolesVersion = 0);
