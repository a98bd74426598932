using Shop.Auth.Avatars;
using Shop.Auth.Infrastructure;
using Shop.Auth.Users;

namespace Shop.Auth.Apis;

/// <summary>A user as `GET /auth/me` and `PUT /auth/users/{id}/roles` show it.</summary>
internal sealed record UserResponse(Guid Id, string Email, IReadOnlyList<string> Roles, bool EmailVerified, string? AvatarUrl, DateTime CreatedAt)
{
    public static UserResponse From(UserRecord user, UserRoles roles) => new(
        user.Id,
        user.Email,
        roles.Effective(user.Email, user.Roles),
        user.EmailVerifiedAt is not null,
        AvatarService.UrlFor(user.AvatarKey),
        user.CreatedAt);
}
