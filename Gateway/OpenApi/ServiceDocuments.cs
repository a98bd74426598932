using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shop.Access;
using Shop.Gateway.Routing;

namespace Shop.Gateway.OpenApi;

/// <summary>
/// Each service's `/openapi/v1.json`, fetched through service discovery, reduced to its public routes and kept for a
/// short while. A service that does not answer with a document gets the outline from the access table instead: the
/// docs page always shows what is available and never fails.
/// </summary>
internal sealed class ServiceDocuments(IHttpClientFactory httpClients, TimeProvider time, ILogger<ServiceDocuments> logger)
{
    public const string HttpClientName = "openapi";
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan KeepDocument = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KeepOutline = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Cached> cache = new(StringComparer.Ordinal);

    /// <summary>The services behind the gateway, in the access table's order.</summary>
    public static IReadOnlyList<string> Services { get; } =
        AccessTable.Rules.Select(rule => rule.Service).Where(service => service != PublicRoutes.GatewayService).Distinct().ToList();

    public async Task<string> GetAsync(string service, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(service, out var cached) && time.GetElapsedTime(cached.At) < cached.KeepFor)
        {
            return cached.Json;
        }

        var document = await FetchAsync(service, cancellationToken);
        var json = (document is null ? PublicDocument.Outline(service) : PublicDocument.Filter(document, service)).ToJsonString();
        cache[service] = new Cached(json, time.GetTimestamp(), document is null ? KeepOutline : KeepDocument);
        return json;
    }

    private async Task<JsonObject?> FetchAsync(string service, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FetchTimeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(new Uri($"http://{service}/openapi/v1.json"), timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            return await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token) is JsonObject { } document
                && document["paths"] is JsonObject
                ? document
                : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("No OpenAPI document from {Service}: {Reason}", service, exception.Message);
            return null;
        }
    }

    private sealed record Cached(string Json, long At, TimeSpan KeepFor);
}
