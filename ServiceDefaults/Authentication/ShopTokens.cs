namespace Shop.ServiceDefaults.Authentication;

/// <summary>What every Shop access token carries, shared by the issuer (auth) and every validator.</summary>
public static class ShopTokens
{
    public const string Issuer = "shop-auth";
    public const string Audience = "shop";
    public const string Algorithm = "ES256";
    public const string RoleClaim = "role";
    public const string SubjectClaim = "sub";
    public const string EmailClaim = "email";

    /// <summary>The sign-in (session) an access token belongs to: logout or refresh-token reuse revokes it.</summary>
    public const string SessionClaim = "sid";

    /// <summary>The user's roles version when the token was issued: a role change refuses tokens of older versions.</summary>
    public const string RolesVersionClaim = "rv";

    public const string CustomerRole = "customer";
    public const string AdminRole = "admin";

    /// <summary>Authorization policy name for admin-only endpoints.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Clock difference tolerated between the issuer and a validator.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
}
