using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Shop.Auth.Avatars;

/// <summary>An uploaded picture held in memory (at most <see cref="AvatarUpload.MaxBytes"/>), decoded and re-encoded, or why it was refused.</summary>
internal sealed record AvatarUpload(MemoryStream? Image, string? ContentType, int Status, string? Problem)
{
    /// <summary>The largest picture accepted: 2 MiB.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Room for the multipart framing around the file; the whole request body is capped at MaxBytes plus this.</summary>
    public const int MaxFraming = 64 * 1024;

    public const string FilePart = "file";

    private static AvatarUpload Refused(int status, string problem) => new(null, null, status, problem);

    /// <summary>
    /// Streams the multipart body, copying the one `file` part into memory while counting: more than
    /// <see cref="MaxBytes"/> stops the read at once (413), so no body is ever buffered beyond the limit.
    /// </summary>
    public static async Task<AvatarUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(StatusCodes.Status415UnsupportedMediaType, "Send multipart/form-data with one file part named `file`.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            return Refused(StatusCodes.Status400BadRequest, "The multipart boundary is missing or longer than 70 characters.");
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 8, HeadersLengthLimit = 4096 };
        MemoryStream? image = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var disposition = section.GetContentDispositionHeader();
                if (image is not null || disposition is null || !disposition.IsFileDisposition()
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FilePart, StringComparison.Ordinal))
                {
                    image?.Dispose();
                    return Refused(StatusCodes.Status400BadRequest, "Send exactly one part: a file named `file`.");
                }

                image = new MemoryStream();
                if (!await CopyBoundedAsync(section.Body, image, cancellationToken))
                {
                    image.Dispose();
                    return Refused(StatusCodes.Status413PayloadTooLarge, $"The picture is larger than {MaxBytes / (1024 * 1024)} MiB.");
                }
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException and not BadHttpRequestException)
        {
            // IOException: the body ended before the closing boundary (BadHttpRequestException is Kestrel's 413).
            image?.Dispose();
            return Refused(StatusCodes.Status400BadRequest, $"The multipart body is malformed: {exception.Message}");
        }

        if (image is null)
        {
            return Refused(StatusCodes.Status400BadRequest, "Send exactly one part: a file named `file`.");
        }

        var contentType = ImageFormat.Detect(image.GetBuffer().AsSpan(0, (int)image.Length));
        if (contentType is null)
        {
            image.Dispose();
            return Refused(StatusCodes.Status415UnsupportedMediaType, "Only PNG, JPEG and WebP pictures are accepted.");
        }

        var normalized = AvatarImage.Normalize(image.GetBuffer().AsSpan(0, (int)image.Length), contentType);
        image.Dispose();
        return normalized.Image is { } reencoded
            ? new AvatarUpload(new MemoryStream(reencoded, writable: false), contentType, StatusCodes.Status200OK, null)
            : Refused(normalized.Status, normalized.Problem!);
    }

    private static async Task<bool> CopyBoundedAsync(Stream source, MemoryStream target, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (target.Length + read > MaxBytes)
            {
                return false;
            }

            target.Write(buffer, 0, read);
        }

        return true;
    }
}
