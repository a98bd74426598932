using Microsoft.AspNetCore.Mvc;

namespace Shop.Gateway.Errors;

/// <summary>Answers the gateway gives itself (404, 401, 403, 413, 429, 5xx), always as ProblemDetails.</summary>
internal static class GatewayProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string? detail = null)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}
