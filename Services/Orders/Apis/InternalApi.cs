using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Shop.Orders.Infrastructure;
using Shop.Orders.Model;

namespace Shop.Orders.Apis;

/// <summary>
/// `/internal/...`: for other services inside the cluster only (the gateway's admin statistics, issue 10). Not in
/// the access table, so the gateway never routes it; it shows totals, nothing about any one customer.
/// </summary>
public static class InternalApi
{
    public static IEndpointRouteBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/internal").WithTags("Internal").MapGet("/stats", StatsAsync);
        return app;
    }

    /// <summary>`{ordersByStatus:{pending, confirmed, rejected, cancelled, shipped, delivered}, revenue}`.</summary>
    public static async Task<Ok<OrderStats>> StatsAsync(NpgsqlDataSource dataSource, OrderStore orders, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return TypedResults.Ok(await orders.StatsAsync(connection, cancellationToken));
    }
}
