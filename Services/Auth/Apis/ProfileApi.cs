using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Auth.Avatars;
using Shop.Auth.Infrastructure;
using Shop.Auth.Users;

namespace Shop.Auth.Apis;

/// <summary>`/auth/me` and the caller's profile picture (any signed-in user).</summary>
internal static class ProfileApi
{
    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/auth/me").RequireAuthorization();
        me.MapGet(string.Empty, GetMeAsync);
        me.MapPut("/avatar", PutAvatarAsync);
        me.MapGet("/avatar", GetAvatarAsync);
        me.MapDelete("/avatar", DeleteAvatarAsync);
        return app;
    }

    public sealed record AvatarResponse(string AvatarUrl);

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetMeAsync(
        ClaimsPrincipal principal, UserStore users, UserRoles roles, CancellationToken cancellationToken) =>
        await users.GetAsync(principal.UserId(), cancellationToken) is { } user
            ? TypedResults.Ok(UserResponse.From(user, roles))
            : UnknownUser();

    private static async Task<Results<Ok<AvatarResponse>, ProblemHttpResult>> PutAvatarAsync(
        HttpContext context, ClaimsPrincipal principal, AvatarService avatars, CancellationToken cancellationToken)
    {
        // Kestrel stops reading past this; the file part itself is counted against 2 MiB while it streams in.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = AvatarUpload.MaxBytes + AvatarUpload.MaxFraming;
        }

        var upload = await AvatarUpload.ReadAsync(context.Request, cancellationToken);
        if (upload is not { Image: { } image, ContentType: { } contentType })
        {
            return TypedResults.Problem(statusCode: upload.Status, title: upload.Problem);
        }

        await using (image)
        {
            return await avatars.ReplaceAsync(principal.UserId(), image, contentType, cancellationToken) is { } key
                ? TypedResults.Ok(new AvatarResponse(AvatarService.UrlFor(key)!))
                : UnknownUser();
        }
    }

    private static async Task<IResult> GetAvatarAsync(
        HttpContext context, ClaimsPrincipal principal, AvatarService avatars, CancellationToken cancellationToken)
    {
        if (await avatars.OpenAsync(principal.UserId(), cancellationToken) is not var (picture, contentType))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No profile picture.");
        }

        context.Response.RegisterForDispose(picture);
        // User-supplied bytes: the browser must not guess another type than the one judged at upload.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, no-cache";
        context.Response.ContentLength = picture.Length;
        return TypedResults.Stream(picture.Content, contentType);
    }

    private static async Task<NoContent> DeleteAvatarAsync(ClaimsPrincipal principal, AvatarService avatars, CancellationToken cancellationToken)
    {
        await avatars.RemoveAsync(principal.UserId(), cancellationToken);
        return TypedResults.NoContent();
    }

    // A valid token whose user is gone (the database was reset): the identity no longer holds.
    private static ProblemHttpResult UnknownUser() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The signed-in user no longer exists.");
}
