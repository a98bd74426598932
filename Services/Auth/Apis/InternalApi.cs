using Npgsql;
using Shop.Auth.Infrastructure;

namespace Shop.Auth.Apis;

/// <summary>
/// For the gateway only, never routed to the outside: totals for `/stats` (issue 10) and the revoked sign-ins
/// its token check refuses (issue 19).
/// </summary>
internal static class InternalApi
{
    public sealed record UserStats(long Users, long VerifiedUsers);

    /// <summary>Sign-ins revoked and users' roles changed after `since` (all still relevant without it); ask again with <paramref name="Cursor"/>.</summary>
    public sealed record RevocationsResponse(DateTimeOffset Cursor, IReadOnlyList<Guid> SignIns, IReadOnlyList<RolesRevocation> Users);

    public static IEndpointRouteBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/internal/stats", async (UserStore users, CancellationToken cancellationToken) =>
        {
            var (total, verified) = await users.CountAsync(cancellationToken);
            return TypedResults.Ok(new UserStats(total, verified));
        });
        app.MapGet("/internal/revocations", async (DateTimeOffset? since, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        {
            var page = await TokenRevocations.ReadAsync(dataSource, since, cancellationToken);
            return TypedResults.Ok(new RevocationsResponse(page.Cursor, page.SignIns, page.Users));
        });
        return app;
    }
}
