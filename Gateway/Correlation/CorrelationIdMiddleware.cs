using System.Diagnostics;

namespace Shop.Gateway.Correlation;

/// <summary>
/// Every request gets an `X-Correlation-Id`: the client's when it is sane (1-128 letters, digits, `-`, `_`, `.`, `:`),
/// otherwise a new one. It is forwarded to the service and echoed on the response, errors included.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";
    private const int MaxLength = 128;

    public Task InvokeAsync(HttpContext context)
    {
        var sent = context.Request.Headers[Header];
        var id = sent.Count == 1 && IsSane(sent[0]) ? sent[0]! : NewId();
        context.Request.Headers[Header] = id;
        if (Activity.Current is { IsAllDataRequested: true } activity)
        {
            activity.SetTag("correlation.id", id);
        }

        // Set when the response starts: YARP and error handlers may clear headers before then.
        context.Response.OnStarting(
            static state =>
            {
                var (response, value) = ((HttpResponse, string))state;
                response.Headers[Header] = value;
                return Task.CompletedTask;
            },
            (context.Response, id));
        return next(context);
    }

    private static string NewId() => Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");

    private static bool IsSane(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.' or ':');
}
