using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Shop.SystemTests.Support;

/// <summary>Profile pictures: the PNG signature, then random bytes (auth judges the type by the first bytes).</summary>
public static class Pictures
{
    public static byte[] Png(int length) => Signed([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], length);

    public static byte[] Jpeg(int length) => Signed([0xFF, 0xD8, 0xFF, 0xE0], length);

    public static MultipartFormDataContent Form(byte[] picture, string contentType, string field = "file", string fileName = "me.img")
    {
        var file = new ByteArrayContent(picture);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    private static byte[] Signed(byte[] signature, int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        signature.CopyTo(bytes, 0);
        return bytes;
    }
}
