using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Auth.Infrastructure;
using Shop.Auth.Users;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Auth.Apis;

/// <summary>`PUT /auth/users/{id}/roles` (admin): promote or demote a user; the user's earlier access tokens stop working.</summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/auth/users").RequireAuthorization(ShopTokens.AdminPolicy)
            .MapPut("/{id}/roles", SetRolesAsync);
        return app;
    }

    public sealed record SetRolesRequest(IReadOnlyList<string> Roles);

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> SetRolesAsync(
        string id, SetRolesRequest request, UserStore users, UserRoles roles, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var userId))
        {
            return Problems.Invalid("id", "The user id is a UUID.");
        }

        if (!UserRoles.TryParseRequested(request.Roles, out var stored, out var error))
        {
            return Problems.Invalid("roles", error);
        }

        return await users.SetRolesAsync(userId, stored, cancellationToken) is { } user
            ? TypedResults.Ok(UserResponse.From(user, roles))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such user.");
    }
}
