using Microsoft.AspNetCore.Http.Features;
using Shop.Access;

namespace Shop.Gateway.Limits;

/// <summary>How large a request body may be: 1 MiB, or a 2 MiB picture for `PUT /auth/me/avatar`. Larger: 413.</summary>
internal static class RequestBodyLimits
{
    public const long Default = 1024 * 1024;

    /// <summary>A 2 MiB file plus room for its multipart framing: auth judges the file's own size exactly.</summary>
    public const long Avatar = (2 * 1024 * 1024) + (16 * 1024);

    public static long For(AccessRule rule) =>
        rule is { Method: "PUT", Template: "/auth/me/avatar" } ? Avatar : Default;

    public static string Describe(AccessRule rule) =>
        For(rule) == Avatar ? "The picture may be at most 2 MiB." : "The request body may be at most 1 MiB.";

    /// <summary>
    /// False when the declared Content-Length is already too large. Otherwise caps what Kestrel will read, so a
    /// chunked body that grows too large fails while it is forwarded (answered 413 by <c>UpstreamErrors</c>).
    /// </summary>
    public static bool TryApply(HttpContext context, AccessRule rule)
    {
        var limit = For(rule);
        if (context.Request.ContentLength > limit)
        {
            return false;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return true;
    }
}
