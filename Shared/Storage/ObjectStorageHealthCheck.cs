using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Storage;

/// <summary>Ready when the bucket answers a HEAD with 200 (no listing: see <see cref="ObjectStore.BucketExistsAsync"/>).</summary>
internal sealed class ObjectStorageHealthCheck(ObjectStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.BucketExistsAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"bucket {store.Bucket} answers")
                : HealthCheckResult.Unhealthy($"bucket {store.Bucket} does not exist");
        }
        catch (Exception exception) when (exception is ObjectStorageUnavailableException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"bucket {store.Bucket} does not answer: {exception.Message}");
        }
    }
}
