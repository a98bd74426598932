using System.Text;
using Shop.Access;

namespace Shop.SystemTests.Hostile;

/// <summary>
/// Who may do what: every public route that needs a token, called with each kind of missing or false credential;
/// another user's ids; ids that try to walk out of their path segment.
/// </summary>
public static class AccessCases
{
    private static readonly Caller[] Unauthenticated =
    [
        Caller.Anonymous, Caller.ForgedSignature, Caller.Expired, Caller.TamperedRole, Caller.Unsigned, Caller.Garbage,
        Caller.BasicCredentials, Caller.SpoofedIdentityHeaders,
    ];

    public static IEnumerable<HostileCase> All(HostileWorld world) =>
        Credentials(world).Concat(AnonymousRoutes(world)).Concat(OtherUsers(world)).Concat(Paths(world));

    /// <summary>401 for every caller without a valid token, 403 for a customer on an admin route (whatever headers it adds).</summary>
    private static IEnumerable<HostileCase> Credentials(HostileWorld world)
    {
        foreach (var rule in AccessTable.Rules.Where(rule => rule.Access != AccessLevel.Anonymous))
        {
            var target = Target(rule.Template, world);
            foreach (var caller in Unauthenticated)
            {
                yield return Request(world, "credentials", $"{caller} on a {rule.Access} route", caller, rule.Method, target) with { ExpectedStatus = Refusal(rule, 401), MustRefuse = true };
            }

            if (rule.Access == AccessLevel.Admin)
            {
                foreach (var caller in new[] { Caller.Attacker, Caller.AttackerSpoofingVictim })
                {
                    yield return Request(world, "credentials", $"{caller} on an admin route", caller, rule.Method, target) with { ExpectedStatus = Refusal(rule, 403), MustRefuse = true };
                }
            }
        }
    }

    /// <summary>
    /// The status a refused caller gets. The gateway's own pages (analytics) answer 404 to everyone until they are
    /// deployed, which refuses as well: for them any refusal will do.
    /// </summary>
    private static int? Refusal(AccessRule rule, int status) => rule.Service == "gateway" ? null : status;

    /// <summary>Routes open to anyone, called with a bad token: refused or ignored, never a 5xx.</summary>
    private static IEnumerable<HostileCase> AnonymousRoutes(HostileWorld world) =>
        from rule in AccessTable.Rules.Where(rule => rule.Access == AccessLevel.Anonymous && rule.Method == "GET" && rule.Service != "gateway")
        from caller in new[] { Caller.Expired, Caller.Unsigned, Caller.Garbage }
        select Request(world, "credentials", $"{caller} on an anonymous route", caller, rule.Method, Target(rule.Template, world));

    /// <summary>The attacker aims at the victim's order, picture, cart and account.</summary>
    private static IEnumerable<HostileCase> OtherUsers(HostileWorld world)
    {
        var order = world.VictimOrder;
        foreach (var caller in new[] { Caller.Attacker, Caller.AttackerSpoofingVictim })
        {
            yield return Request(world, "other user", "the victim's order", caller, "GET", $"/order/{order}") with { ExpectedStatus = 404 };
            yield return Request(world, "other user", "the victim's order, upper case", caller, "GET", $"/order/{order.ToString().ToUpperInvariant()}") with { ExpectedStatus = 404 };
            yield return Request(world, "other user", "cancel the victim's order", caller, "POST", $"/order/{order}/cancel") with { ExpectedStatus = 404 };
            yield return Request(world, "other user", "make the victim admin", caller, "PUT", $"/auth/users/{world.Victim.Id}/roles") with { ExpectedStatus = 403 };

            // Answered about the caller's own data, which the state snapshot and the victim marks check.
            yield return Request(world, "other user", "own profile, claiming to be the victim", caller, "GET", "/auth/me");
            yield return Request(world, "other user", "own picture, claiming to be the victim", caller, "GET", "/auth/me/avatar");
            yield return Request(world, "other user", "delete a picture, claiming to be the victim", caller, "DELETE", "/auth/me/avatar");
            yield return Request(world, "other user", "own cart, claiming to be the victim", caller, "GET", "/cart");
            yield return Request(world, "other user", "empty a cart, claiming to be the victim", caller, "DELETE", "/cart");
            yield return Request(world, "other user", "remove a cart line, claiming to be the victim", caller, "DELETE", $"/cart/items/{world.Orderable.Id}");
            yield return Request(world, "other user", "own orders, claiming to be the victim", caller, "GET", "/order?pageSize=100");
        }
    }

    /// <summary>Ids that are no UUID: traversal, encodings, injections, extremes. Nothing may answer 2xx or 5xx.</summary>
    private static IEnumerable<HostileCase> Paths(HostileWorld world)
    {
        string[] ids =
        [
            "../../auth/me/avatar", "..%2F..%2Fauth%2Fme", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5C..%5Cwindows", "%00",
            "00000000-0000-0000-0000-000000000000", "-1", "99999999999999999999999", "%27%20OR%20%271%27%3D%271", "1%3B%20DROP%20TABLE%20orders",
            new string('9', 5000), "%F0%9F%92%A9", "%C0%AE%C0%AE%C0%AF", "%FF%FE", $"{world.VictimOrder}%0D%0AX-User-Roles:%20admin",
        ];
        (Caller Caller, string Method, string Template)[] routes =
        [
            (Caller.Anonymous, "GET", "/product/{0}"),
            (Caller.Admin, "DELETE", "/product/{0}"),
            (Caller.Attacker, "GET", "/order/{0}"),
            (Caller.Attacker, "POST", "/order/{0}/cancel"),
            (Caller.Attacker, "DELETE", "/cart/items/{0}"),
            (Caller.Admin, "PUT", "/order/{0}/status"),
            (Caller.Admin, "PUT", "/auth/users/{0}/roles"),
        ];
        foreach (var (caller, method, template) in routes)
        {
            foreach (var id in ids)
            {
                var target = template.Replace("{0}", id, StringComparison.Ordinal);

                // A traversal may be resolved to another route before any table sees it: then it is the
                // caller's own data (the snapshot checks that), so only ids that stay in their segment must fail.
                var staysInSegment = !id.Contains("..", StringComparison.Ordinal) && !id.Contains("%2e", StringComparison.Ordinal);
                // The zero UUID is well formed (removing it from one's own cart is fine); Kestrel refuses a NUL byte itself.
                yield return Request(world, "path", $"id {Shorten(id)}", caller, method, target) with
                {
                    MustRefuse = staysInSegment && id != Guid.Empty.ToString(),
                    ProtocolLevel = id == "%00",
                };
            }
        }
    }

    /// <summary>A request with the body the route needs (if any), so only the aspect under test is wrong.</summary>
    private static HostileCase Request(HostileWorld world, string category, string what, Caller caller, string method, string target)
    {
        var (body, contentType) = ValidBodies.For(method, target, world);
        return new HostileCase(category, what, caller, method, target) { Body = body, ContentType = contentType };
    }

    private static string Target(string template, HostileWorld world) => template
        .Replace("/auth/users/{id}", $"/auth/users/{world.Victim.Id}", StringComparison.Ordinal)
        .Replace("/order/{id}", $"/order/{world.VictimOrder}", StringComparison.Ordinal)
        .Replace("{id}", world.Orderable.Id.ToString(), StringComparison.Ordinal)
        .Replace("{productId}", world.Orderable.Id.ToString(), StringComparison.Ordinal);

    private static string Shorten(string id) => id.Length > 60 ? $"{id[..20]}... ({id.Length} chars)" : id;
}

/// <summary>A body each route accepts, for cases whose hostile part is elsewhere (the caller, the path, a header).</summary>
public static class ValidBodies
{
    public static (byte[]? Body, string? ContentType) For(string method, string target, HostileWorld world)
    {
        var path = target.Split('?')[0];
        string? json = (method, path) switch
        {
            ("PUT", _) when path.StartsWith("/auth/users/", StringComparison.Ordinal) => """{"roles":["admin"]}""",
            ("POST", "/product") => """{"name":"Taken over","description":"x","price":0,"stock":1}""",
            ("PUT", _) when path.StartsWith("/product/", StringComparison.Ordinal) => """{"name":"Taken over","description":"x","price":0,"stock":1}""",
            ("PUT", _) when path.StartsWith("/cart/items/", StringComparison.Ordinal) => """{"quantity":7}""",
            ("POST", "/order") => $$"""{"items":[{"productId":"{{world.Orderable.Id}}","quantity":3}]}""",
            ("PUT", _) when path.EndsWith("/status", StringComparison.Ordinal) => """{"status":"shipped"}""",
            _ => null,
        };
        if (json is not null)
        {
            return (Encoding.UTF8.GetBytes(json), "application/json");
        }

        return (method, path) == ("PUT", "/auth/me/avatar") ? Multipart.Of([new("file", "me.png", "image/png", Support.Pictures.Png(2048))]) : (null, null);
    }
}
