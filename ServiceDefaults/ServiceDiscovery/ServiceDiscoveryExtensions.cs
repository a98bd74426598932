using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Shop.ServiceDefaults.ServiceDiscovery;

/// <summary>Same calls as Microsoft.Extensions.ServiceDiscovery, so swapping to the library later is a using change.</summary>
public static class ServiceDiscoveryExtensions
{
    public static IServiceCollection AddServiceDiscovery(this IServiceCollection services)
    {
        services.TryAddSingleton<ServiceEndpointResolver>();
        services.TryAddTransient<ServiceDiscoveryHandler>();
        return services;
    }

    public static IHttpClientBuilder AddServiceDiscovery(this IHttpClientBuilder builder) =>
        builder.AddHttpMessageHandler<ServiceDiscoveryHandler>();
}
