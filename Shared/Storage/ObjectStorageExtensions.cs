using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.ServiceDefaults.Configuration;
using Shop.ServiceDefaults.Health;

namespace Shop.Storage;

public static class ObjectStorageExtensions
{
    /// <summary>
    /// An S3 client for `ConnectionStrings__storage` (MinIO under Aspire, s3rver locally, any S3 in production),
    /// the bucket created at startup if missing, and a readiness check that the bucket answers.
    /// </summary>
    public static IHostApplicationBuilder AddObjectStorage(this IHostApplicationBuilder builder, string bucket, string connectionName = "storage")
    {
        var connection = builder.Configuration.GetStorageConnection(connectionName);
        builder.Services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client(
            new BasicAWSCredentials(connection.AccessKey, connection.SecretKey),
            new AmazonS3Config
            {
                ServiceURL = connection.Endpoint.ToString(),
                // MinIO and s3rver address buckets by path, not by virtual host.
                ForcePathStyle = true,
                UseHttp = connection.Endpoint.Scheme == Uri.UriSchemeHttp,
                AuthenticationRegion = "us-east-1",
                Timeout = TimeSpan.FromSeconds(30),
                MaxErrorRetry = 2,
            }));
        builder.Services.AddSingleton(new ObjectStore.Options(bucket));
        builder.Services.AddSingleton<ObjectStore>();
        builder.Services.AddHostedService<BucketInitializer>();
        builder.Services.AddHealthChecks().AddDependencyCheck<ObjectStorageHealthCheck>("storage");
        return builder;
    }
}
