using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.Auth.Avatars;
using Shop.Auth.Infrastructure;
using Shop.Auth.SignIn;
using Shop.Auth.Users;
using Shop.Data;
using Shop.Messaging;
using Shop.ServiceDefaults.Secrets;
using Shop.Storage;

namespace Shop.Auth.Extensions;

internal static class ApplicationServiceExtensions
{
    /// <summary>Profile pictures live in this bucket of the `storage` resource.</summary>
    public const string AvatarBucket = "avatars";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase("authdb", typeof(Program).Assembly);
        builder.AddObjectStorage(AvatarBucket);
        builder.AddMessaging(source: "auth");
        builder.AddTokenServices();
        builder.AddSignInRateLimiting();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(UserRoles.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton(SignInCodeCipher.FromConfiguration(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton<SignInService>();
        builder.Services.AddSingleton<AvatarService>();
        builder.Services.Configure<SignInCleanupOptions>(builder.Configuration.GetSection(SignInCleanupOptions.SectionName));
        builder.Services.AddHostedService<ExpiredSignInCleanup>();
    }
}
