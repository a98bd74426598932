using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Minio.Exceptions;

namespace Shop.Storage;

/// <summary>Creates the bucket before the service takes requests, retrying while the object store is unavailable.</summary>
internal sealed partial class BucketInitializer(ObjectStore store, ILogger<BucketInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                if (!await store.BucketExistsAsync(cancellationToken))
                {
                    await CreateAsync(cancellationToken);
                }

                return;
            }
            catch (ObjectStorageUnavailableException exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogUnavailable(exception.InnerException?.Message ?? exception.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.CreateBucketAsync(cancellationToken);
            LogCreated(store.Bucket);
        }
        catch (MinioException)
        {
            // Another replica may have created it between our check and our request; anything else is a real failure.
            if (!await store.BucketExistsAsync(cancellationToken))
            {
                throw;
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Created bucket {Bucket}")]
    private partial void LogCreated(string bucket);

    [LoggerMessage(LogLevel.Warning, "Object storage is not reachable yet ({Reason}); retrying in {Delay}")]
    private partial void LogUnavailable(string reason, TimeSpan delay);
}
