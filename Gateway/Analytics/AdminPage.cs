namespace Shop.Gateway.Analytics;

/// <summary>
/// The `/admin` page, its script and its style sheet, embedded in the gateway (no build step, nothing from a CDN).
/// The Content-Security-Policy allows only these same-origin files and calls to the gateway's own API, so neither
/// an injected inline script nor a foreign resource can run; nothing is cached, as the page handles tokens.
/// </summary>
internal static class AdminPage
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static PageFile Html { get; } = Load("admin.html", "/admin", "text/html; charset=utf-8");

    public static PageFile Script { get; } = Load("admin.js", "/admin/admin.js", "text/javascript; charset=utf-8");

    public static PageFile Styles { get; } = Load("admin.css", "/admin/admin.css", "text/css; charset=utf-8");

    public static Task Write(HttpContext context, PageFile file)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        context.Response.ContentType = file.ContentType;
        context.Response.ContentLength = file.Content.Length;
        return context.Response.Body.WriteAsync(file.Content, context.RequestAborted).AsTask();
    }

    private static PageFile Load(string name, string path, string contentType)
    {
        using var resource = typeof(AdminPage).Assembly.GetManifestResourceStream($"Shop.Gateway.Analytics.Page.{name}")
            ?? throw new InvalidOperationException($"The admin page's {name} is not embedded in the gateway.");
        using var content = new MemoryStream();
        resource.CopyTo(content);
        return new PageFile(path, contentType, content.ToArray());
    }

    public sealed record PageFile(string Path, string ContentType, byte[] Content);
}
