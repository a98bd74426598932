using Shop.Access;
using Shop.DevStack;

namespace Shop.Catalog.Tests.Support;

/// <summary>
/// Sends each request of the public API straight to the service that serves it according to the access table,
/// as the gateway routes it. The services check the bearer token themselves, so this exercises their own
/// authorization; a route that is not in the table fails the test instead of being guessed.
/// </summary>
internal sealed class AccessTableRouter(LocalStack stack) : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false })
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var rule = AccessTable.Match(request.Method.Method, uri.AbsolutePath)
            ?? throw new InvalidOperationException($"{request.Method} {uri.AbsolutePath} is not a public route.");
        var service = ShopProject.Services.Single(project => project.Name == rule.Service);
        request.RequestUri = new Uri(new Uri(stack.Service(service).Url), uri.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
