using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Shop.Auth.Apis;
using Shop.ServiceDefaults.Http;

namespace Shop.Auth.Extensions;

/// <summary>
/// `RateLimits__AuthPerClientPerMinute` requests to `/auth/login` and `/auth/verify` together, per client IP.
/// Kept in memory per replica: the gateway enforces the same limit in front of every replica, and the
/// per-e-mail code limit (which must hold across replicas) is kept in the database instead.
/// </summary>
internal static class SignInRateLimiting
{
    public const string PolicyName = "sign-in";

    /// <summary>`/auth/refresh`: anonymous, a database lookup per call, and refused calls are logged, so it is limited too.</summary>
    public const string RefreshPolicyName = "refresh";

    public static IHostApplicationBuilder AddSignInRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.SectionName));
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolicyName, context =>
                PerClientPerMinute(context, context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.AuthPerClientPerMinute));
            options.AddPolicy(RefreshPolicyName, context =>
                PerClientPerMinute(context, context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.RefreshPerClientPerMinute));
            options.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                await Problems.TooManyRequests(rejected.HttpContext.Response, retryAfter).ExecuteAsync(rejected.HttpContext);
            };
        });
        return builder;
    }

    private static RateLimitPartition<string> PerClientPerMinute(HttpContext context, int perMinute) =>
        perMinute <= 0
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
}
