using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Storage;

internal sealed class ObjectStorageHealthCheck(IAmazonS3 s3, ObjectStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = store.Bucket, MaxKeys = 1 }, cancellationToken);
            return HealthCheckResult.Healthy($"bucket {store.Bucket} answers");
        }
        catch (Exception exception) when (exception is AmazonServiceException or HttpRequestException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"bucket {store.Bucket} does not answer: {exception.Message}");
        }
    }
}
