using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.Storage;

/// <summary>Creates the bucket before the service takes requests, retrying while the object store is unreachable.</summary>
internal sealed class BucketInitializer(IAmazonS3 s3, ObjectStore store, ILogger<BucketInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                if (!await BucketExistsAsync(cancellationToken))
                {
                    await s3.PutBucketAsync(store.Bucket, cancellationToken);
                    logger.LogInformation("Created bucket {Bucket}", store.Bucket);
                }

                return;
            }
            catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.Conflict)
            {
                return; // another replica created it first
            }
            catch (Exception exception) when (exception is AmazonServiceException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Object storage is not reachable yet ({Reason}); retrying in {Delay}", exception.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // A one-key listing, as the readiness check does. AmazonS3Util.DoesS3BucketExistV2Async reads the bucket ACL,
    // which s3rver does not implement: every start after the bucket existed (a restart, a second replica) hung here.
    private async Task<bool> BucketExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = store.Bucket, MaxKeys = 1 }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
