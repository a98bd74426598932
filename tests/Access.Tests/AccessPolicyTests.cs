using System.Security.Claims;

namespace Shop.Access.Tests;

public sealed class AccessPolicyTests
{
    private static readonly ClaimsPrincipal NoToken = new(new ClaimsIdentity());
    private static readonly ClaimsPrincipal Customer = Principal("customer");
    private static readonly ClaimsPrincipal Admin = Principal("customer", "admin");

    public static TheoryData<AccessLevel, string, AccessDecision> Cases => new()
    {
        { AccessLevel.Anonymous, "none", AccessDecision.Allow },
        { AccessLevel.Anonymous, "unauthenticated", AccessDecision.Allow },
        { AccessLevel.Anonymous, "customer", AccessDecision.Allow },
        { AccessLevel.Anonymous, "admin", AccessDecision.Allow },
        { AccessLevel.User, "none", AccessDecision.Unauthenticated },
        { AccessLevel.User, "unauthenticated", AccessDecision.Unauthenticated },
        { AccessLevel.User, "customer", AccessDecision.Allow },
        { AccessLevel.User, "admin", AccessDecision.Allow },
        { AccessLevel.Admin, "none", AccessDecision.Unauthenticated },
        { AccessLevel.Admin, "unauthenticated", AccessDecision.Unauthenticated },
        { AccessLevel.Admin, "customer", AccessDecision.Forbidden },
        { AccessLevel.Admin, "admin", AccessDecision.Allow },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_by_access_level_and_caller(AccessLevel access, string caller, AccessDecision expected)
    {
        var rule = AccessTable.Rules.First(rule => rule.Access == access);
        var user = caller switch
        {
            "none" => null,
            "unauthenticated" => NoToken,
            "customer" => Customer,
            _ => Admin,
        };

        Assert.Equal(expected, AccessPolicy.Decide(rule, user));
    }

    [Fact]
    public void A_route_outside_the_table_is_not_found_for_everyone()
    {
        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(null, null));
        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(null, Admin));
    }

    [Fact]
    public void An_admin_claim_under_another_claim_type_is_not_a_role()
    {
        var impostor = new ClaimsPrincipal(new ClaimsIdentity([new Claim("roles", "admin")], "Bearer", "sub", "role"));
        var adminRoute = AccessTable.Rules.First(rule => rule.Access == AccessLevel.Admin);

        Assert.Equal(AccessDecision.Forbidden, AccessPolicy.Decide(adminRoute, impostor));
    }

    private static ClaimsPrincipal Principal(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(role => new Claim("role", role)).Prepend(new Claim("sub", "u1")), "Bearer", "sub", "role"));
}
