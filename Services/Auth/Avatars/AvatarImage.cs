using SkiaSharp;

namespace Shop.Auth.Avatars;

/// <summary>
/// Decodes an uploaded picture under a size cap and re-encodes it, so what is stored and served is a plain image
/// of bounded size (no decompression bomb for clients, no metadata or trailing bytes from the upload).
/// </summary>
internal static class AvatarImage
{
    /// <summary>Widest or tallest picture accepted.</summary>
    public const int MaxSide = 4096;

    /// <summary>At most 16 megapixels (64 MiB decoded) whatever the shape.</summary>
    public const long MaxPixels = 16L * 1024 * 1024;

    private const int Quality = 90;

    /// <summary>The re-encoded picture in the format it came in, or the refusal (status and title).</summary>
    public static (byte[]? Image, int Status, string? Problem) Normalize(ReadOnlySpan<byte> upload, string contentType)
    {
        var format = contentType switch
        {
            "image/png" => SKEncodedImageFormat.Png,
            "image/jpeg" => SKEncodedImageFormat.Jpeg,
            _ => SKEncodedImageFormat.Webp,
        };

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != format)
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, "The picture cannot be read as PNG, JPEG or WebP.");
        }

        // The header's dimensions are checked before a single pixel is decoded.
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"The picture is larger than {MaxSide}x{MaxSide} pixels.");
        }

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var decoded = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (decoded != SKCodecResult.Success)
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, "The picture cannot be read as PNG, JPEG or WebP.");
        }

        using var encoded = bitmap.Encode(format, Quality);
        return encoded is null
            ? (null, StatusCodes.Status415UnsupportedMediaType, "The picture cannot be read as PNG, JPEG or WebP.")
            : (encoded.ToArray(), StatusCodes.Status200OK, null);
    }
}
