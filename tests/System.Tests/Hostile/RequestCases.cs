using System.Text;
using Shop.SystemTests.Support;

namespace Shop.SystemTests.Hostile;

/// <summary>Hostile query strings, headers and picture uploads.</summary>
public static class RequestCases
{
    public static IEnumerable<HostileCase> All(HostileWorld world) => Queries().Concat(Headers(world)).Concat(Uploads());

    private static IEnumerable<HostileCase> Queries()
    {
        string[] refused =
        [
            "pageSize=101", "pageSize=0", "pageSize=-5", "pageSize=99999999999999999999", "pageSize=1e2", "page=0", "page=-1",
            "page=abc", "page=2147483648", "sort=password", "sort=name;DROP%20TABLE%20products", "sort=-", "minPrice=-1",
            "minPrice=abc", "minPrice=NaN", "maxPrice=1e400",

            // Another culture's notation is not read as a different number (1,5 is not 15).
            "minPrice=1,5", "maxPrice=1,000", "minPrice=%201", "minPrice=(1)",
        ];
        string[] harmless =
        [
            "q=%27%20OR%20%271%27%3D%271", "q=%25%25%25", "q=_", "q=%00", "q=%ED%A0%80", "q=%E2%80%AE", $"q={new string('x', 4000)}",
            "page=1&page=2", "pageSize=100&q=%5C", "minPrice=5&maxPrice=1", "minPrice=1.005", "unknown=1", "q=%F0%9F%98%80",
        ];
        foreach (var query in refused)
        {
            yield return new HostileCase("query", query, Caller.Anonymous, "GET", $"/product?{query}") { MustRefuse = true };
        }

        foreach (var query in harmless)
        {
            yield return new HostileCase("query", query.Length > 60 ? $"q of {query.Length} chars" : query, Caller.Anonymous, "GET", $"/product?{query}");
        }

        foreach (var query in new[] { "pageSize=101", "page=0", "pageSize=abc", "page=-1&pageSize=-1" })
        {
            yield return new HostileCase("query", $"orders {query}", Caller.Attacker, "GET", $"/order?{query}") { MustRefuse = true };
        }

        yield return new HostileCase("query", "a 20,000-character query", Caller.Anonymous, "GET", $"/product?q={new string('y', 20_000)}") { ProtocolLevel = true };
    }

    private static IEnumerable<HostileCase> Headers(HostileWorld world)
    {
        var (order, json) = ValidBodies.For("POST", "/order", world);
        HostileCase Order(string what, params (string, string)[] headers) =>
            new("header", what, Caller.Attacker, "POST", "/order") { Body = order, ContentType = json, Headers = headers, MustRefuse = true };

        yield return Order("an Idempotency-Key of 300 characters", ("Idempotency-Key", new string('k', 300)));
        yield return Order("an Idempotency-Key with a space", ("Idempotency-Key", "a b"));
        yield return Order("an Idempotency-Key in UTF-8", ("Idempotency-Key", "clé-ü-😀"));
        yield return Order("two Idempotency-Keys", ("Idempotency-Key", "one"), ("Idempotency-Key", "two"));
        yield return Order("an empty Idempotency-Key", ("Idempotency-Key", string.Empty));
        yield return new HostileCase("header", "a 64 KiB cookie", Caller.Anonymous, "GET", "/product")
        {
            Headers = [("Cookie", new string('c', 64 * 1024))],
            MustRefuse = true,
            ProtocolLevel = true,
        };
        yield return new HostileCase("header", "500 headers", Caller.Anonymous, "GET", "/product")
        {
            Headers = Enumerable.Range(0, 500).Select(index => ($"X-Filler-{index}", "x")).ToList(),
            MustRefuse = true,
            ProtocolLevel = true,
        };
        yield return new HostileCase("header", "a second Host", Caller.Anonymous, "GET", "/product")
        {
            Headers = [("Host", "evil.example")],
            MustRefuse = true,
            ProtocolLevel = true,
        };
        // RFC 9112: Transfer-Encoding wins over Content-Length, so the whole chunked body is the request (no smuggled rest).
        yield return new HostileCase("header", "Content-Length beside chunked (request smuggling)", Caller.Admin, "POST", "/product")
        {
            Body = Encoding.UTF8.GetBytes("""{"name":"Smuggled","price":1,"stock":1}"""),
            ContentType = "application/json",
            Headers = [("Content-Length", "4")],
            Chunked = true,
            ProtocolLevel = true,
        };
        yield return new HostileCase("header", "a bearer token twice", Caller.Anonymous, "GET", "/auth/me")
        {
            Headers = [("Authorization", $"Bearer {world.Attacker.Tokens.AccessToken}"), ("Authorization", $"Bearer {world.Admin.Tokens.AccessToken}")],
        };
        yield return new HostileCase("header", "non-ASCII bytes in Authorization", Caller.Anonymous, "GET", "/auth/me")
        {
            Headers = [("Authorization", "Bearer ünïcödé.😀.token")],
            MustRefuse = true,
            ProtocolLevel = true,
        };
        yield return new HostileCase("header", "a stale If-Match", Caller.Admin, "PUT", $"/product/{world.Orderable.Id}")
        {
            Headers = [("If-Match", "\"0000\"")],
            Body = Encoding.UTF8.GetBytes("""{"name":"Stale write","description":"","price":1,"stock":1}"""),
            ContentType = "application/json",
            ExpectedStatus = 412,
        };
        yield return new HostileCase("header", "a malformed If-Match", Caller.Admin, "PUT", $"/product/{world.Orderable.Id}")
        {
            Headers = [("If-Match", "W/\"x\", <script>")],
            Body = Encoding.UTF8.GetBytes("""{"name":"Bad precondition","description":"","price":1,"stock":1}"""),
            ContentType = "application/json",
            MustRefuse = true,
        };
        yield return new HostileCase("header", "X-Forwarded-For naming another client", Caller.Anonymous, "POST", "/auth/verify")
        {
            Headers = [("X-Forwarded-For", "203.0.113.7, 127.0.0.1"), ("X-Real-IP", "203.0.113.7")],
            Body = Encoding.UTF8.GetBytes($$"""{"email":"{{world.Victim.Email}}","code":"000000"}"""),
            ContentType = "application/json",
            MustRefuse = true,
        };
    }

    /// <summary>PUT /auth/me/avatar as the attacker: the type is judged by content, and the size is bounded.</summary>
    private static IEnumerable<HostileCase> Uploads()
    {
        var gif = "GIF89a"u8.ToArray().Concat(new byte[512]).ToArray();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        var cases = new (string What, IReadOnlyList<FormPart> Parts, bool Refused)[]
        {
            ("a GIF declared as PNG", [new("file", "a.png", "image/png", gif)], true),
            ("an SVG with a script", [new("file", "a.svg", "image/svg+xml", svg)], true),
            ("text declared as JPEG", [new("file", "a.jpg", "image/jpeg", "hello"u8.ToArray())], true),
            ("an empty file", [new("file", "a.png", "image/png", [])], true),
            ("only the first 4 bytes of a PNG", [new("file", "a.png", "image/png", Pictures.Png(8)[..4])], true),
            ("3 MiB of PNG", [new("file", "a.png", "image/png", Pictures.Png(3 * 1024 * 1024))], true),
            ("the file under another name", [new("picture", "a.png", "image/png", Pictures.Png(1024))], true),
            ("a plain field instead of a file", [new("file", null, null, Pictures.Png(1024))], true),
            ("a path in the file name", [new("file", "../../../etc/passwd", "image/png", Pictures.Png(1024))], false),
            ("a PNG declared as JPEG", [new("file", "a.jpg", "image/jpeg", Pictures.Png(1024))], false),
            ("two files", [new("file", "a.png", "image/png", Pictures.Png(1024)), new("file", "b.png", "image/png", Pictures.Png(1024))], false),
        };
        foreach (var (what, parts, refused) in cases)
        {
            var (body, type) = Multipart.Of(parts);
            yield return new HostileCase("upload", what, Caller.Attacker, "PUT", "/auth/me/avatar") { Body = body, ContentType = type, MustRefuse = refused };
        }

        var (unclosed, unclosedType) = Multipart.Of([new("file", "a.png", "image/png", Pictures.Png(1024))], closed: false);
        yield return new HostileCase("upload", "a multipart body without its end", Caller.Attacker, "PUT", "/auth/me/avatar") { Body = unclosed, ContentType = unclosedType, MustRefuse = true };
        yield return new HostileCase("upload", "multipart without a boundary", Caller.Attacker, "PUT", "/auth/me/avatar")
        {
            Body = Pictures.Png(1024),
            ContentType = "multipart/form-data",
            MustRefuse = true,
        };
        yield return new HostileCase("upload", "a raw PNG body", Caller.Attacker, "PUT", "/auth/me/avatar") { Body = Pictures.Png(1024), ContentType = "image/png", MustRefuse = true };
        yield return new HostileCase("upload", "20 MiB, chunked", Caller.Attacker, "PUT", "/auth/me/avatar")
        {
            Body = Multipart.Of([new("file", "a.png", "image/png", Pictures.Png(20 * 1024 * 1024))]).Body,
            ContentType = $"multipart/form-data; boundary={Multipart.Boundary}",
            Chunked = true,
            MustRefuse = true,
        };
    }
}
