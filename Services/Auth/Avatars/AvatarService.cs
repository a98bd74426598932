using System.Security.Cryptography;
using Shop.Auth.Infrastructure;
using Shop.Storage;

namespace Shop.Auth.Avatars;

/// <summary>
/// Profile pictures in the `avatars` bucket under server-chosen keys (`users/{userId}/{random}`); the user row
/// points at the current one. A new picture is stored before the row moves to it, and the old object is deleted after.
/// </summary>
internal sealed partial class AvatarService(ObjectStore store, UserStore users, ILogger<AvatarService> logger)
{
    /// <summary>What `/auth/me` and the upload answer: the gateway-relative picture URL, versioned so caches notice a change.</summary>
    public static string? UrlFor(string? key) => key is null ? null : $"/auth/me/avatar?v={key[(key.LastIndexOf('/') + 1)..]}";

    /// <summary>Stores the picture and makes it the user's; returns the key, or null when the user does not exist.</summary>
    public async Task<string?> ReplaceAsync(Guid userId, Stream image, string contentType, CancellationToken cancellationToken)
    {
        var key = $"users/{userId:N}/{RandomNumberGenerator.GetHexString(32, lowercase: true)}";
        await store.PutAsync(key, image, contentType, cancellationToken);

        (bool Found, string? PreviousKey) replaced;
        try
        {
            replaced = await users.SetAvatarAsync(userId, key, contentType, cancellationToken);
        }
        catch
        {
            await DeleteQuietlyAsync(key);
            throw;
        }

        if (!replaced.Found)
        {
            await DeleteQuietlyAsync(key);
            return null;
        }

        if (replaced.PreviousKey is { } previous)
        {
            await DeleteQuietlyAsync(previous);
        }

        return key;
    }

    /// <summary>The user's picture with the type judged at upload, or null when there is none.</summary>
    public async Task<(StoredObject Picture, string ContentType)?> OpenAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(userId, cancellationToken);
        if (user?.AvatarKey is not { } key || await store.GetAsync(key, cancellationToken) is not { } picture)
        {
            return null;
        }

        return (picture, user.AvatarContentType ?? picture.ContentType);
    }

    public async Task RemoveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var (_, previous) = await users.SetAvatarAsync(userId, key: null, contentType: null, cancellationToken);
        if (previous is not null)
        {
            await DeleteQuietlyAsync(previous);
        }
    }

    // The user's request already succeeded or failed on its own; a leftover object is only wasted space, so it is logged, not raised.
    private async Task DeleteQuietlyAsync(string key)
    {
        try
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception exception) when (exception is ObjectStorageUnavailableException or Minio.Exceptions.MinioException)
        {
            LogOrphan(key, exception.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Avatar object {Key} could not be deleted and is left behind: {Reason}")]
    private partial void LogOrphan(string key, string reason);
}
