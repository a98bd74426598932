using Shop.Orders.Infrastructure;

namespace Shop.Orders.Apis;

/// <summary>
/// An unreachable catalogue answers 503 ProblemDetails with Retry-After rather than a 500. An endpoint filter,
/// so it applies the same way whether or not the developer exception page is on.
/// </summary>
internal static class CatalogUnavailableFilter
{
    public static RouteGroupBuilder WithCatalogUnavailableAs503(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (CatalogUnavailableException)
            {
                context.HttpContext.Response.Headers.RetryAfter = "5";
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "The catalogue is not available right now.",
                    detail: "Prices come from the products service, which did not answer; try again shortly.");
            }
        });
}
