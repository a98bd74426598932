using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// JSON bodies are UTF-8 (RFC 8259). A JSON content type declaring another charset (`charset=utf-7`, which .NET
/// cannot decode, or an unknown one) is refused with 415 before any endpoint tries to read it.
/// </summary>
internal sealed class JsonCharsetMiddleware(RequestDelegate next, IProblemDetailsService problemDetails, RefusalLog refusals)
{
    public Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (contentType is null || !contentType.Contains("charset", StringComparison.OrdinalIgnoreCase) || IsAccepted(contentType))
        {
            return next(context);
        }

        return RefuseAsync(context);
    }

    private static bool IsAccepted(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return true; // Not a parseable media type: the endpoint's own content-type check answers it.
        }

        var isJson = mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        return !isJson || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private async Task RefuseAsync(HttpContext context)
    {
        const string title = "JSON bodies must be UTF-8: send `Content-Type: application/json` without another charset.";
        refusals.Write(context, StatusCodes.Status415UnsupportedMediaType, title);
        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status415UnsupportedMediaType, Title = title },
        });
    }
}
