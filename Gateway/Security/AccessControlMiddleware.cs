using Shop.Access;
using Shop.Gateway.Errors;
using Shop.Gateway.Limits;

namespace Shop.Gateway.Security;

/// <summary>
/// Judges every request to a route of the access table (endpoints carrying its <see cref="AccessRule"/>) before it
/// is forwarded: 404 unless the raw request target matches that very rule, 401 without a valid token where one is
/// needed, 403 for a wrong role, 413 for a body over the limit. A token that is invalid on an anonymous route is
/// ignored: the request goes on as anonymous, without identity headers. Gateway-own endpoints pass untouched.
/// </summary>
internal sealed class AccessControlMiddleware(RequestDelegate next, AccessTokenValidator tokens)
{
    /// <summary>Not async: a request that passes with no token or a cached one goes on without a state machine of its own.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<AccessRule>() is not { } rule)
        {
            return next(context);
        }

        // Routing matched the decoded, normalised path; the table judges what the client really sent
        // (case, encoded slashes and dots), so both must name the same rule.
        if (!ReferenceEquals(AccessTable.Match(context.Request.Method, RawTarget(context)), rule))
        {
            return GatewayProblems.WriteAsync(context, StatusCodes.Status404NotFound);
        }

        var check = tokens.CheckAsync(context.Request.Headers.Authorization, context.RequestAborted);
        return check.IsCompletedSuccessfully ? Judge(context, rule, check.Result) : JudgeAsync(context, rule, check);
    }

    private async Task JudgeAsync(HttpContext context, AccessRule rule, ValueTask<TokenCheck> check) =>
        await Judge(context, rule, await check);

    private Task Judge(HttpContext context, AccessRule rule, TokenCheck token)
    {
        if (token.Outcome == TokenOutcome.KeysUnavailable && rule.Access != AccessLevel.Anonymous)
        {
            return GatewayProblems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Access tokens cannot be checked right now.");
        }

        switch (AccessPolicy.Decide(rule, token.User?.Principal))
        {
            case AccessDecision.Unauthenticated:
                context.Response.Headers.WWWAuthenticate = token.Outcome == TokenOutcome.Invalid ? "Bearer error=\"invalid_token\"" : "Bearer";
                return GatewayProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, token.Outcome == TokenOutcome.Invalid
                    ? "The access token is invalid or expired."
                    : "This route needs an access token.");
            case AccessDecision.Forbidden:
                return GatewayProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "This route needs another role.");
        }

        if (!RequestBodyLimits.TryApply(context, rule))
        {
            return GatewayProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, RequestBodyLimits.Describe(rule));
        }

        if (token.User is { } user)
        {
            context.User = user.Principal;
            context.Features.Set(user);
        }

        return next(context);
    }

    private static string RawTarget(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : context.Request.Path + context.Request.QueryString;
}
