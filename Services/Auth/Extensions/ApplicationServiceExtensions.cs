using Shop.Data;
using Shop.Messaging;
using Shop.Storage;

namespace Shop.Auth.Extensions;

internal static class ApplicationServiceExtensions
{
    /// <summary>Profile pictures live in this bucket of the `storage` resource.</summary>
    public const string AvatarBucket = "avatars";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase("authdb", typeof(Program).Assembly);
        builder.AddMessaging("auth");
        builder.AddObjectStorage(AvatarBucket);
    }
}
