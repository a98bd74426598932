using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// In Development (how Aspire runs services) the developer exception page sees exceptions before the exception
/// handler; client mistakes must still get the same 4xx ProblemDetails as in Production.
/// </summary>
internal sealed class DeveloperPageBadRequestFilter(BadRequestExceptionHandler handler) : IDeveloperPageExceptionFilter
{
    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        if (!await handler.TryHandleAsync(errorContext.HttpContext, errorContext.Exception, errorContext.HttpContext.RequestAborted))
        {
            await next(errorContext);
        }
    }
}
