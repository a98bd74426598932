namespace Shop.Auth.Avatars;

/// <summary>Tells PNG, JPEG and WebP apart by their first bytes; the declared type and file name are never trusted.</summary>
internal static class ImageFormat
{
    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Riff => "RIFF"u8;

    private static ReadOnlySpan<byte> WebP => "WEBP"u8;

    /// <summary>The media type of the image that starts with <paramref name="head"/>, or null when it is none of the accepted kinds.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Png))
        {
            return "image/png";
        }

        if (head.StartsWith(Jpeg))
        {
            return "image/jpeg";
        }

        // RIFF container: "RIFF", 4 bytes of length, then the form type.
        if (head.Length >= 12 && head.StartsWith(Riff) && head[8..12].SequenceEqual(WebP))
        {
            return "image/webp";
        }

        return null;
    }
}
