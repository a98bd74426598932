using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, unknown fields, oversized bodies) into the
/// ProblemDetails the client needs: the real status code and, for JSON errors, an `errors` map by JSON path.
/// Logged as a sampled warning without a stack trace (<see cref="RefusalLog"/>).
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails, RefusalLog refusals) : IExceptionHandler
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
                [JsonPath(json.Path)] = [WithoutTypeNames(FirstSentence(json.Message))],
            })
            {
                Title = "The request body is not valid JSON for this operation.",
            }
            : ParameterError(badRequest.Message) is { } parameter
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter.Name] = [parameter.Message] })
                {
                    Title = "A parameter of the request is not valid.",
                }
                : new ProblemDetails { Title = FirstSentence(badRequest.Message) };
        problem.Status = badRequest.StatusCode;
        refusals.Write(httpContext, badRequest.StatusCode, problem is HttpValidationProblemDetails { Errors: var errors } && errors.Count > 0
            ? $"{problem.Title} {string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(' ', error.Value)}"))}"
            : problem.Title ?? string.Empty);

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// A query, route or header value that does not convert (`page=abc`) or is missing is a validation error too:
    /// its field goes in the `errors` map. Minimal APIs only say which in the message (ASP.NET Core's
    /// RequestDelegateCreationMessages); a message of another shape keeps the plain problem.
    /// </summary>
    private static (string Name, string Message)? ParameterError(string message)
    {
        var match = ParameterFailure().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        name = char.ToLowerInvariant(name[0]) + name[1..];
        return match.Groups["value"].Success
            ? (name, $"'{match.Groups["value"].Value}' is not a valid value for {name}.")
            : (name, $"{name} is required.");
    }

    private static string JsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>System.Text.Json names the .NET types it was reading; the client needs the field, not our internals.</summary>
    private static string WithoutTypeNames(string message) => TypeName().Replace(message, "the expected type");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [GeneratedRegex(@"'?\b(?:System|Shop|Microsoft)\.[\w.+`\[\],]*'?")]
    private static partial Regex TypeName();

    [GeneratedRegex("""^(?:Failed to bind parameter|Required parameter) "[^"]+ (?<name>[^" ]+)" (?:from "(?<value>.*)"|was not provided from .+)\.$""")]
    private static partial Regex ParameterFailure();
}
