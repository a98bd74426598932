using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shop.Products.Infrastructure;
using Shop.Products.Model;
using Shop.Http;

namespace Shop.Products.Apis;

/// <summary>
/// `/internal/...`: for other services inside the cluster only. Not in the access table, so the gateway never
/// routes it; it returns nothing the public catalogue does not already show.
/// </summary>
public static class InternalApi
{
    /// <summary>A cart or an order has at most this many lines, so one lookup covers it.</summary>
    public const int MaxLookupIds = 100;

    public static IEndpointRouteBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal").WithTags("Internal");
        api.MapGet("/products", LookupAsync);
        api.MapGet("/stats", StatsAsync);
        return app;
    }

    /// <summary>`{products}`: the catalogue's size, for the admin statistics (issue 10).</summary>
    public static async Task<Ok<CatalogueStats>> StatsAsync(ProductRepository products, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CatalogueStats(await products.CountAsync(cancellationToken)));

    /// <summary>Name and current price of each listed product that exists (orders prices carts and orders with it).</summary>
    public static async Task<Results<Ok<IReadOnlyList<ProductPrice>>, ValidationProblem>> LookupAsync(
        [FromQuery(Name = "id")] Guid[] ids, ProductRepository products, CancellationToken cancellationToken)
    {
        if (ids.Length is 0 or > MaxLookupIds)
        {
            var errors = new ValidationErrors();
            errors.Add("id", $"Give 1 to {MaxLookupIds} product ids.");
            return errors.ToProblem();
        }

        return TypedResults.Ok(await products.LookupAsync(ids.Distinct().ToArray(), cancellationToken));
    }
}
