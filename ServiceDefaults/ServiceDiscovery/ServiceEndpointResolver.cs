using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Shop.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Resolves a service name to the base URLs Aspire injects as `services__<name>__<endpoint>__<i>`.
/// Our small stand-in for Microsoft.Extensions.ServiceDiscovery (not restorable here): configuration only, round robin.
/// </summary>
public sealed class ServiceEndpointResolver(IConfiguration configuration)
{
    private readonly ConcurrentDictionary<(string Service, string Endpoint), Uri[]> cache = new();
    private int next;

    /// <summary>Every URL configured for the service's endpoint (`http` or `https`), in index order.</summary>
    public IReadOnlyList<Uri> Resolve(string service, string endpoint = "http") =>
        cache.GetOrAdd((service.ToLowerInvariant(), endpoint.ToLowerInvariant()), key => Read(configuration, key.Service, key.Endpoint));

    /// <summary>
    /// One URL for a request to `scheme://service`: `https+http` prefers https and falls back to http.
    /// Null when the name is not a configured service (then the request goes out unchanged).
    /// </summary>
    public Uri? Pick(string scheme, string service)
    {
        var candidates = scheme == "https+http"
            ? Resolve(service, "https") is { Count: > 0 } secure ? secure : Resolve(service, "http")
            : Resolve(service, scheme);
        return candidates.Count == 0 ? null : candidates[(int)((uint)Interlocked.Increment(ref next) % candidates.Count)];
    }

    private static Uri[] Read(IConfiguration configuration, string service, string endpoint) =>
        configuration.GetSection($"services:{service}:{endpoint}").GetChildren()
            .Select(child => (Index: int.TryParse(child.Key, out var index) ? index : int.MaxValue, child.Value))
            .Where(item => Uri.TryCreate(item.Value, UriKind.Absolute, out _))
            .OrderBy(item => item.Index)
            .Select(item => new Uri(item.Value!))
            .ToArray();
}
