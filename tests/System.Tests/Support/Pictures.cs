using System.Net.Http.Headers;
using System.Security.Cryptography;
using SkiaSharp;

namespace Shop.SystemTests.Support;

/// <summary>
/// Profile pictures: a small real picture, then random bytes up to the length asked for (auth judges the type by
/// the content, decodes the picture and stores it re-encoded, without what follows its end).
/// </summary>
public static class Pictures
{
    public static byte[] Png(int length) => Padded(SKEncodedImageFormat.Png, length);

    public static byte[] Jpeg(int length) => Padded(SKEncodedImageFormat.Jpeg, length);

    /// <summary>Whether two pictures decode to the same size (a stored picture is the upload re-encoded, not its bytes).</summary>
    public static bool SameSize(byte[] first, byte[] second)
    {
        using var a = SKBitmap.Decode(first);
        using var b = SKBitmap.Decode(second);
        return a is not null && b is not null && (a.Width, a.Height) == (b.Width, b.Height);
    }

    public static MultipartFormDataContent Form(byte[] picture, string contentType, string field = "file", string fileName = "me.img")
    {
        var file = new ByteArrayContent(picture);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    private static byte[] Padded(SKEncodedImageFormat format, int length)
    {
        using var bitmap = new SKBitmap(4, 4);
        bitmap.Erase(new SKColor((byte)RandomNumberGenerator.GetInt32(256), 64, 128));
        using var encoded = bitmap.Encode(format, 90);
        var picture = encoded.ToArray();
        if (length < picture.Length)
        {
            return picture[..length]; // a truncated picture, for the cases that send one
        }

        var bytes = RandomNumberGenerator.GetBytes(length);
        picture.CopyTo(bytes, 0);
        return bytes;
    }
}
