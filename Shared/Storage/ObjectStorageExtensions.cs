using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Minio;
using Shop.ServiceDefaults.Configuration;
using Shop.ServiceDefaults.Health;

namespace Shop.Storage;

public static class ObjectStorageExtensions
{
    /// <summary>
    /// A MinIO client for `ConnectionStrings__storage` (MinIO under Aspire, s3rver locally, any S3 in production),
    /// the bucket created at startup if missing, a readiness check that the bucket answers, and 503 for an outage.
    /// </summary>
    public static IHostApplicationBuilder AddObjectStorage(this IHostApplicationBuilder builder, string bucket, string connectionName = "storage")
    {
        var connection = builder.Configuration.GetStorageConnection(connectionName);
        builder.Services.AddSingleton(_ => new MinioClient()
            .WithEndpoint(connection.Endpoint.Host, connection.Endpoint.Port)
            .WithSSL(connection.Endpoint.Scheme == Uri.UriSchemeHttps)
            .WithCredentials(connection.AccessKey, connection.SecretKey)
            // A fixed region: the SDK would otherwise ask the server for the bucket's location first.
            .WithRegion("us-east-1")
            .WithTimeout((int)TimeSpan.FromSeconds(30).TotalMilliseconds)
            .Build());
        builder.Services.AddSingleton(new ObjectStore.Options(bucket));
        builder.Services.AddSingleton<ObjectStore>();
        builder.Services.AddHostedService<BucketInitializer>();
        builder.Services.AddSingleton<ObjectStorageUnavailableHandler>();
        builder.Services.AddExceptionHandler<ObjectStorageUnavailableHandler>();
        builder.Services.AddSingleton<IDeveloperPageExceptionFilter>(services => services.GetRequiredService<ObjectStorageUnavailableHandler>());
        builder.Services.AddHealthChecks().AddDependencyCheck<ObjectStorageHealthCheck>("storage");
        return builder;
    }
}
