using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Util;
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
                if (!await AmazonS3Util.DoesS3BucketExistV2Async(s3, store.Bucket))
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
}
