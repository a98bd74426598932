using System.Text.Json.Nodes;

namespace Shop.SystemTests.Hostile;

/// <summary>How a field is validated, which decides whether a hostile value must be refused.</summary>
public enum FieldKind
{
    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A sign-in code, a refresh token: an exact secret, nothing else matches.</summary>
    Secret,

    /// <summary>A refresh token on logout: anything may be logged out (204), only the type matters.</summary>
    LenientSecret,

    /// <summary>Free text with a maximum length.</summary>
    Text,

    /// <summary>A price: at least 0, at most 2 decimals.</summary>
    Money,

    /// <summary>A whole number in a range.</summary>
    Count,

    /// <summary>A UUID naming something.</summary>
    Id,

    /// <summary>One of a few words (order status, role).</summary>
    Word,
}

/// <summary>A field of a route's body: its path in the template (`items.0.quantity`), kind and limits.</summary>
public sealed record BodyField(string Path, FieldKind Kind, bool Nullable = false, bool BlankAllowed = false, bool ZeroAllowed = false, bool FractionAllowed = false);

/// <summary>
/// A route with a JSON body, the caller allowed to use it, and a valid-looking body to corrupt. When
/// <see cref="AlwaysRefused"/>, even the template is refused (it names an unknown user, a wrong code...), so
/// every variation must be too. When <see cref="BodyOptional"/>, no body (or null) means something (a checkout).
/// </summary>
public sealed record JsonRoute(string Method, string Target, Caller Caller, JsonObject Template, IReadOnlyList<BodyField> Fields)
{
    public bool AlwaysRefused { get; init; }

    public bool BodyOptional { get; init; }

    public static IReadOnlyList<JsonRoute> All(HostileWorld world, Func<string> freshEmail)
    {
        var unknownId = Guid.Parse("9e3f1c2a-0000-4000-8000-00000000dead");
        var product = new BodyField[]
        {
            new("name", FieldKind.Text),
            new("description", FieldKind.Text, Nullable: true, BlankAllowed: true),
            new("price", FieldKind.Money, ZeroAllowed: true, FractionAllowed: true),
            new("stock", FieldKind.Count, ZeroAllowed: true),
        };
        return
        [
            new("POST", "/auth/login", Caller.Anonymous, new JsonObject { ["email"] = freshEmail() }, [new("email", FieldKind.Email)]),
            new("POST", "/auth/verify", Caller.Anonymous, new JsonObject { ["email"] = freshEmail(), ["code"] = "000000" }, [new("email", FieldKind.Email), new("code", FieldKind.Secret)])
            {
                AlwaysRefused = true,
            },
            new("POST", "/auth/refresh", Caller.Anonymous, new JsonObject { ["refreshToken"] = "not-a-refresh-token" }, [new("refreshToken", FieldKind.Secret)])
            {
                AlwaysRefused = true,
            },
            new("POST", "/auth/logout", Caller.Anonymous, new JsonObject { ["refreshToken"] = "not-a-refresh-token" }, [new("refreshToken", FieldKind.LenientSecret)]),
            new("PUT", $"/auth/users/{unknownId}/roles", Caller.Admin, new JsonObject { ["roles"] = new JsonArray("admin") }, [new("roles", FieldKind.Word), new("roles.0", FieldKind.Word)])
            {
                AlwaysRefused = true,
            },
            new("POST", "/product", Caller.Admin, ProductBody(), product),
            new("PUT", $"/product/{unknownId}", Caller.Admin, ProductBody(), product) { AlwaysRefused = true },
            new("PUT", $"/cart/items/{world.Orderable.Id}", Caller.Attacker, new JsonObject { ["quantity"] = 1 }, [new("quantity", FieldKind.Count, ZeroAllowed: true)]),
            new(
                "POST",
                "/order",
                Caller.Attacker,
                new JsonObject { ["items"] = new JsonArray(new JsonObject { ["productId"] = world.Orderable.Id, ["quantity"] = 1 }) },
                [new("items", FieldKind.Id), new("items.0.productId", FieldKind.Id), new("items.0.quantity", FieldKind.Count)])
            {
                BodyOptional = true,
            },
            new("PUT", $"/order/{world.VictimOrder}/status", Caller.Admin, new JsonObject { ["status"] = "delivered" }, [new("status", FieldKind.Word)])
            {
                AlwaysRefused = true,
            },
        ];
    }

    private static JsonObject ProductBody() =>
        new() { ["name"] = "Hostile product", ["description"] = "Made by the hostile-input suite.", ["price"] = 4.5m, ["stock"] = 3 };
}
