namespace Shop.ServiceDefaults.ServiceDiscovery;

/// <summary>Rewrites `http://products/product/1` to a configured base URL of `products` before sending.</summary>
internal sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri && resolver.Pick(uri.Scheme, uri.Host) is { } baseUrl)
        {
            request.RequestUri = new Uri(baseUrl, uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
