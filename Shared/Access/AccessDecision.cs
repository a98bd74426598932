using System.Security.Claims;

namespace Shop.Access;

/// <summary>What the gateway and `/authz` answer: allow, 401 (no valid token), 403 (wrong role) or 404 (not public).</summary>
public enum AccessDecision
{
    Allow,
    Unauthenticated,
    Forbidden,
    NotFound,
}

public static class AccessPolicy
{
    public const string AdminRole = "admin";

    /// <summary>Judges a request: <paramref name="user"/> is null or unauthenticated when no valid token came with it.</summary>
    public static AccessDecision Decide(AccessRule? rule, ClaimsPrincipal? user)
    {
        if (rule is null)
        {
            return AccessDecision.NotFound;
        }

        var signedIn = user?.Identity?.IsAuthenticated == true;
        return rule.Access switch
        {
            AccessLevel.Anonymous => AccessDecision.Allow,
            _ when !signedIn => AccessDecision.Unauthenticated,
            AccessLevel.Admin when !user!.IsInRole(AdminRole) => AccessDecision.Forbidden,
            _ => AccessDecision.Allow,
        };
    }
}
