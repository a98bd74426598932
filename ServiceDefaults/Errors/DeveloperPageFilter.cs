using Microsoft.AspNetCore.Diagnostics;

namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// In Development (how Aspire and the local stack run services) ASP.NET Core puts the developer exception page in
/// front of everything, and its page carries the stack trace and every request header (the bearer token
/// included). This filter answers every exception with the same handlers as Production instead, so the page
/// never renders; its own log line is filtered out (<see cref="ProblemDetailsExtensions"/>) as the handlers log.
/// </summary>
internal sealed class DeveloperPageFilter(IEnumerable<IExceptionHandler> handlers) : IDeveloperPageExceptionFilter
{
    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        foreach (var handler in handlers)
        {
            if (await handler.TryHandleAsync(errorContext.HttpContext, errorContext.Exception, errorContext.HttpContext.RequestAborted))
            {
                return;
            }
        }

        await next(errorContext);
    }
}
