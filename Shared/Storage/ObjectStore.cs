using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Shop.Storage;

/// <summary>The few object operations Shop needs, on one bucket, with the settings that work against every S3 server.</summary>
public sealed class ObjectStore(IAmazonS3 s3, ObjectStore.Options options)
{
    public sealed record Options(string Bucket);

    public string Bucket => options.Bucket;

    /// <summary>Stores the stream's bytes under <paramref name="key"/> (a server-chosen key, never user input).</summary>
    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        await s3.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = options.Bucket,
                Key = key,
                InputStream = content,
                ContentType = contentType,
                AutoCloseStream = false,
                // aws-chunked framing would be stored verbatim by s3rver (environment.md): send plain bodies.
                UseChunkEncoding = false,
            },
            cancellationToken);
    }

    /// <summary>The object's content and type, or null when there is no such object. Dispose the result.</summary>
    public async Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(options.Bucket, key, cancellationToken);
            return new StoredObject(response.ResponseStream, response.Headers.ContentType, response.ContentLength, response);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(options.Bucket, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Deleting a missing object is not an error (S3 semantics).</summary>
    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        s3.DeleteObjectAsync(options.Bucket, key, cancellationToken);
}

/// <summary>An object being read; disposing it releases the HTTP response.</summary>
public sealed class StoredObject(Stream content, string contentType, long length, IDisposable response) : IDisposable
{
    public Stream Content => content;

    public string ContentType => contentType;

    public long Length => length;

    public void Dispose() => response.Dispose();
}
