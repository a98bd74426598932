using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Shop.Auth.Apis;

/// <summary>Error answers shared by several endpoints, all as ProblemDetails.</summary>
internal static class Problems
{
    /// <summary>429 with `Retry-After` in whole seconds (at least 1).</summary>
    public static ProblemHttpResult TooManyRequests(HttpResponse response, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests.",
            detail: $"Try again in {seconds} seconds.");
    }

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
