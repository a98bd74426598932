using Shop.Gateway.Errors;
using Yarp.ReverseProxy.Forwarder;

namespace Shop.Gateway.Routing;

/// <summary>
/// Turns YARP's failures into ProblemDetails: a service that cannot be reached (connection refused, no healthy
/// destination) is 503 at once, a silent one 504, a broken answer 502, and a body that grew past its limit 413.
/// </summary>
internal static class UpstreamErrors
{
    public static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (context.GetForwarderErrorFeature() is not { } failure || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var (status, detail) = failure.Error switch
        {
            ForwarderError.NoAvailableDestinations => (StatusCodes.Status503ServiceUnavailable, "The service is unavailable."),
            _ when IsConnectFailure(context) => (StatusCodes.Status503ServiceUnavailable, "The service is unavailable."),
            ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout, "The service did not answer in time."),
            ForwarderError.RequestBodyClient when IsTooLarge(failure.Exception) => (StatusCodes.Status413PayloadTooLarge, "The request body is too large."),
            ForwarderError.RequestBodyClient => (StatusCodes.Status400BadRequest, "The request body could not be read."),
            _ => (StatusCodes.Status502BadGateway, "The service failed to answer."),
        };
        await GatewayProblems.WriteAsync(context, status, detail);
    }

    /// <summary>The request never reached the service: safe to call it unavailable (and to take it out of rotation).</summary>
    public static bool IsConnectFailure(HttpContext context) =>
        context.GetForwarderErrorFeature() is { Error: ForwarderError.Request, Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } };

    private static bool IsTooLarge(Exception? exception) =>
        exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
        || (exception?.InnerException is { } inner && IsTooLarge(inner));
}
