using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace Shop.Storage;

/// <summary>
/// The few object operations Shop needs, on one bucket, through the MinIO SDK. A server that cannot be reached or
/// fails answers <see cref="ObjectStorageUnavailableException"/>, which callers' requests turn into a 503.
/// </summary>
public sealed class ObjectStore(IMinioClient minio, ObjectStore.Options options)
{
    public sealed record Options(string Bucket);

    public string Bucket => options.Bucket;

    /// <summary>Stores the stream's bytes (from its current position) under <paramref name="key"/>, a server-chosen key, never user input.</summary>
    public Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken) =>
        GuardAsync(
            () => minio.PutObjectAsync(
                new PutObjectArgs()
                    .WithBucket(options.Bucket)
                    .WithObject(key)
                    .WithStreamData(content)
                    .WithObjectSize(content.Length - content.Position)
                    .WithContentType(contentType),
                cancellationToken),
            cancellationToken);

    /// <summary>
    /// The object's content and type, or null when there is no such object. The SDK hands the body only to a
    /// callback, so it is read into memory: objects here are profile pictures of at most a few MiB.
    /// </summary>
    public Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken) =>
        GuardAsync(
            async () =>
            {
                var content = new MemoryStream();
                try
                {
                    var stat = await minio.GetObjectAsync(
                        new GetObjectArgs()
                            .WithBucket(options.Bucket)
                            .WithObject(key)
                            .WithCallbackStream((body, token) => body.CopyToAsync(content, token)),
                        cancellationToken);
                    content.Position = 0;
                    return new StoredObject(content, stat.ContentType);
                }
                catch (ObjectNotFoundException)
                {
                    await content.DisposeAsync();
                    return null;
                }
            },
            cancellationToken);

    /// <summary>Deleting a missing object is not an error (S3 semantics).</summary>
    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        GuardAsync(() => minio.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(options.Bucket).WithObject(key), cancellationToken), cancellationToken);

    /// <summary>
    /// A HEAD on the bucket: never a listing, whose continuation token s3rver cannot make on Node 20 once the bucket
    /// holds more than one page (a 500 that once kept auth from starting).
    /// </summary>
    public Task<bool> BucketExistsAsync(CancellationToken cancellationToken) =>
        GuardAsync(() => minio.BucketExistsAsync(new BucketExistsArgs().WithBucket(options.Bucket), cancellationToken), cancellationToken);

    public Task CreateBucketAsync(CancellationToken cancellationToken) =>
        GuardAsync(() => minio.MakeBucketAsync(new MakeBucketArgs().WithBucket(options.Bucket), cancellationToken), cancellationToken);

    private async Task GuardAsync(Func<Task> operation, CancellationToken cancellationToken) =>
        await GuardAsync(async () =>
        {
            await operation();
            return true;
        }, cancellationToken);

    private async Task<T> GuardAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation();
        }
        catch (Exception exception) when (ObjectStorageUnavailableException.Describes(exception, cancellationToken))
        {
            throw new ObjectStorageUnavailableException(options.Bucket, exception);
        }
    }
}
