using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, unknown fields, oversized bodies) into the
/// ProblemDetails the client needs: the real status code and, for JSON errors, an `errors` map by JSON path.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var problem = badRequest.InnerException is JsonException json
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [JsonPath(json.Path)] = [FirstSentence(json.Message)],
            })
            {
                Title = "The request body is not valid JSON for this operation.",
            }
            : new ProblemDetails { Title = FirstSentence(badRequest.Message) };
        problem.Status = badRequest.StatusCode;

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static string JsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
