using System.Net.Http.Json;
using Shop.Orders.Model;

namespace Shop.Orders.Infrastructure;

/// <summary>
/// Names and prices from the products service, asked at the moment they are needed, through service discovery
/// (`http://products`). Chosen over a local read model fed by product events because contract.md prices an order
/// at the catalogue's price *at order time*, and a product an admin has just created or repriced must be
/// orderable at that price at once; a read model lags by the outbox relay and the consumer, so an order could
/// be priced from stale data or refused for a product that exists. The cost is that carts and orders need the
/// products service up; when it is not, callers get 503 rather than a wrong price.
/// </summary>
public sealed class CatalogClient(HttpClient http)
{
    public async Task<IReadOnlyDictionary<Guid, CatalogProduct>> LookupAsync(IEnumerable<Guid> productIds, CancellationToken cancellationToken)
    {
        var ids = productIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, CatalogProduct>();
        }

        try
        {
            var query = string.Join('&', ids.Select(id => $"id={id}"));
            var products = await http.GetFromJsonAsync<List<CatalogProduct>>(new Uri($"/internal/products?{query}", UriKind.Relative), cancellationToken);
            return (products ?? []).ToDictionary(product => product.Id);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new CatalogUnavailableException(exception);
        }
    }
}

/// <summary>The products service did not answer: the request cannot be priced now (503, not a client mistake).</summary>
public sealed class CatalogUnavailableException(Exception inner)
    : Exception("The catalogue (products service) is not available.", inner);
