using System.Net;

namespace Shop.Gateway.Extensions;

/// <summary>
/// Behind an ingress every request comes from the ingress controller, so per-client rate limits need the client
/// address from X-Forwarded-For. ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (which the AppHost gives every project
/// in the chart) turns the middleware on but trusts the header from any peer, so a client could pick its own
/// address and its own rate-limit bucket. The gateway trusts it only from <c>ForwardedHeaders:KnownProxies</c>
/// (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges), and from loopback when neither is set.
/// </summary>
internal static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Read<IPAddress>(configuration, "KnownProxies", IPAddress.TryParse);
        var networks = Read<IPNetwork>(configuration, "KnownNetworks", IPNetwork.TryParse);
        return services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Count + networks.Count == 0 ? new List<IPAddress> { IPAddress.Loopback, IPAddress.IPv6Loopback } : proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
    }

    private delegate bool Parser<T>(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value);

    // A mistyped address must stop the gateway at start, not silently trust nobody (or everybody).
    private static List<T> Read<T>(IConfiguration configuration, string key, Parser<T> parse) =>
        configuration.GetSection($"{Section}:{key}").GetChildren()
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
            .Select(entry => parse(entry.Value!.Trim(), out var value) ? value! : throw new InvalidOperationException($"{entry.Path}: '{entry.Value}' is not a valid {(key == "KnownProxies" ? "IP address" : "CIDR range")}"))
            .ToList();
}
