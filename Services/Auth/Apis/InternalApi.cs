using Shop.Auth.Infrastructure;

namespace Shop.Auth.Apis;

/// <summary>Totals for the gateway's `/stats` (issue 10); internal, never routed to the outside.</summary>
internal static class InternalApi
{
    public sealed record UserStats(long Users, long VerifiedUsers);

    public static IEndpointRouteBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/internal/stats", async (UserStore users, CancellationToken cancellationToken) =>
        {
            var (total, verified) = await users.CountAsync(cancellationToken);
            return TypedResults.Ok(new UserStats(total, verified));
        });
        return app;
    }
}
