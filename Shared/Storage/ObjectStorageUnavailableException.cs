using Minio.Exceptions;

namespace Shop.Storage;

/// <summary>The object store could not be reached, timed out, or failed on its side: the request may succeed later.</summary>
public sealed class ObjectStorageUnavailableException(string bucket, Exception inner)
    : Exception($"Object storage (bucket {bucket}) is unavailable: {inner.Message}", inner)
{
    /// <summary>
    /// Unreachable (HttpRequestException, the SDK's ConnectionException), the SDK's own request timeout (a cancellation
    /// the caller did not ask for), or a server-side failure. Errors about the request itself (not found, access denied) are not.
    /// </summary>
    internal static bool Describes(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException or ConnectionException or InternalServerException => true,
        MinioException { ServerResponse: { } response } => (int)response.StatusCode >= 500,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
