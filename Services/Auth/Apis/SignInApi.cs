using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Auth.Extensions;
using Shop.Auth.SignIn;
using Shop.Auth.Tokens;

namespace Shop.Auth.Apis;

/// <summary>`/auth/login`, `/auth/verify`, `/auth/refresh`, `/auth/logout` (anonymous; contract.md section 3).</summary>
internal static class SignInApi
{
    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth");
        auth.MapPost("/login", LoginAsync).RequireRateLimiting(SignInRateLimiting.PolicyName);
        auth.MapPost("/verify", VerifyAsync).RequireRateLimiting(SignInRateLimiting.PolicyName);
        auth.MapPost("/refresh", RefreshAsync).RequireRateLimiting(SignInRateLimiting.RefreshPolicyName);
        auth.MapPost("/logout", LogoutAsync);
        return app;
    }

    public sealed record LoginRequest(string Email);

    public sealed record VerifyRequest(string Email, string Code);

    public sealed record RefreshRequest(string RefreshToken);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInService signIn, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryNormalize(request.Email, out var email))
        {
            return InvalidEmail();
        }

        // The same answer whether the address is new or known: nothing to learn about who has an account.
        return await signIn.RequestCodeAsync(email, cancellationToken) is { } retryAfter
            ? Problems.TooManyRequests(response, retryAfter)
            : TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        VerifyRequest request, SignInService signIn, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryNormalize(request.Email, out var email))
        {
            return InvalidEmail();
        }

        if (!LoginCode.IsWellFormed(request.Code))
        {
            return Problems.Invalid("code", $"The code has {LoginCode.Digits} digits.");
        }

        return await signIn.VerifyAsync(email, request.Code, cancellationToken) is { } tokens
            ? TypedResults.Ok(ToResponse(tokens))
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The code is wrong, expired or already used.");
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, SignInService signIn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return Problems.Invalid("refreshToken", "The refresh token is required.");
        }

        return await signIn.RefreshAsync(request.RefreshToken, cancellationToken) is { } tokens
            ? TypedResults.Ok(ToResponse(tokens))
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The refresh token is not valid.");
    }

    private static async Task<Results<NoContent, ValidationProblem>> LogoutAsync(
        RefreshRequest request, SignInService signIn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return Problems.Invalid("refreshToken", "The refresh token is required.");
        }

        await signIn.LogoutAsync(request.RefreshToken, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ValidationProblem InvalidEmail() =>
        Problems.Invalid("email", $"A valid e-mail address of at most {EmailAddress.MaxLength} characters is required.");

    private static TokenResponse ToResponse(TokenPair tokens) =>
        new(tokens.Access.Token, "Bearer", (int)AccessTokenIssuer.Lifetime.TotalSeconds, tokens.RefreshToken);
}
