using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Shop.Access;
using Shop.Gateway.Errors;
using Shop.Gateway.Extensions;
using Shop.ServiceDefaults.Health;

namespace Shop.Gateway.Limits;

/// <summary>
/// Per client IP (as the gateway sees the connection): `POST /auth/login` + `POST /auth/verify` share
/// <see cref="RateLimitOptions.AuthPerClientPerMinute"/>; every other request counts against
/// <see cref="RateLimitOptions.PerClientPerSecond"/>. Probes are never limited. Over the limit: 429 with `Retry-After`.
/// </summary>
internal static class RateLimiting
{
    private static readonly Partition Unlimited = new(string.Empty, IPAddress.None);

    public static IHostApplicationBuilder AddGatewayRateLimits(this IHostApplicationBuilder builder)
    {
        var limits = Read(builder.Configuration);
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, Partition>(context => PartitionFor(context, limits));
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>Only requests some limit applies to enter the rate limiter: with the defaults, the two sign-in routes.</summary>
    public static IApplicationBuilder UseGatewayRateLimits(this IApplicationBuilder app)
    {
        var limits = Read(app.ApplicationServices.GetRequiredService<IConfiguration>());
        return app.UseWhen(
            context => limits.PerClientPerSecond > 0 || (limits.AuthPerClientPerMinute > 0 && IsSignIn(context.GetEndpoint()?.Metadata.GetMetadata<AccessRule>())),
            limited => limited.UseRateLimiter());
    }

    private static RateLimitOptions Read(IConfiguration configuration) =>
        configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();

    private static bool IsSignIn(AccessRule? rule) => rule is { Method: "POST", Template: "/auth/login" or "/auth/verify" };

    private static RateLimitPartition<Partition> PartitionFor(HttpContext context, RateLimitOptions limits)
    {
        if (IsSignIn(context.GetEndpoint()?.Metadata.GetMetadata<AccessRule>()))
        {
            return limits.AuthPerClientPerMinute > 0
                ? FixedWindow(new Partition("sign-in", Client(context)), limits.AuthPerClientPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter(Unlimited);
        }

        return limits.PerClientPerSecond > 0 && !HealthExtensions.IsProbe(context.Request.Path)
            ? FixedWindow(new Partition("client", Client(context)), limits.PerClientPerSecond, TimeSpan.FromSeconds(1))
            : RateLimitPartition.GetNoLimiter(Unlimited);
    }

    private static RateLimitPartition<Partition> FixedWindow(Partition partition, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await GatewayProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests from this client; retry later.");
    }

    private static IPAddress Client(HttpContext context) =>
        context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress ?? IPAddress.None;

    private readonly record struct Partition(string Bucket, IPAddress Client);
}
