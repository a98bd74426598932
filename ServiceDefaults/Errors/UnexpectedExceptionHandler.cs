using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// The last handler: any other exception is a 500 whose body says nothing about the failure (no stack trace, type
/// names or request headers, in every environment); the full exception goes to the log and the dashboard instead.
/// </summary>
internal sealed partial class UnexpectedExceptionHandler(IProblemDetailsService problemDetails, ILogger<UnexpectedExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        LogUnexpected(exception, httpContext.Request.Method, LogText.Sanitize(httpContext.Request.Path.Value));
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
            },
        });
    }

    [LoggerMessage(LogLevel.Error, "{Method} {Path} failed")]
    private partial void LogUnexpected(Exception exception, string method, string path);
}
