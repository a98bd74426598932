using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// A dependency that cannot be reached (database, object store, another service) is 503 with `Retry-After`, the
/// same for every dependency and whichever client library threw: the failure is recognised by its cause (a socket,
/// HTTP transport or timeout error, or a transient database error) anywhere in the exception's inner chain.
/// </summary>
internal sealed partial class DependencyUnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<DependencyUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Cause(exception) is not { } cause)
        {
            return false;
        }

        LogUnavailable(httpContext.Request.Method, LogText.Sanitize(httpContext.Request.Path.Value), cause.GetType().Name, LogText.Sanitize(cause.Message));
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "A service this request needs is unavailable. Try again shortly.",
            },
        });
    }

    private static Exception? Cause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException or HttpRequestException or TimeoutException or DbException { IsTransient: true })
            {
                return current;
            }

            if (current is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                return Cause(aggregate.InnerExceptions[0]);
            }
        }

        return null;
    }

    [LoggerMessage(LogLevel.Warning, "{Method} {Path} answered 503: a dependency is unavailable ({Cause}: {Reason})")]
    private partial void LogUnavailable(string method, string path, string cause, string reason);
}
