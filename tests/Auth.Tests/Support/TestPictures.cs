using System.Buffers.Binary;
using System.Net.Http.Headers;
using SkiaSharp;

namespace Shop.Auth.Tests.Support;

/// <summary>Real, decodable pictures for upload tests, and the multipart body that carries one.</summary>
public static class TestPictures
{
    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    /// <summary>A small real picture of <paramref name="format"/> (png, jpeg, webp), padded after its end to exactly <paramref name="length"/> bytes.</summary>
    public static byte[] Padded(string format, int length)
    {
        var picture = Encode(4, 4, format switch
        {
            "png" => SKEncodedImageFormat.Png,
            "jpeg" => SKEncodedImageFormat.Jpeg,
            _ => SKEncodedImageFormat.Webp,
        });
        Assert.True(length >= picture.Length, $"a {format} picture needs at least {picture.Length} bytes");
        var padded = new byte[length];
        picture.CopyTo(padded, 0);
        return padded;
    }

    /// <summary>
    /// A PNG whose header claims <paramref name="width"/> x <paramref name="height"/> pixels with hardly any data: a
    /// decompression bomb's announcement (a well-formed IHDR, an IDAT of an empty zlib stream, IEND).
    /// </summary>
    public static byte[] PngHeader(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        return
        [
            0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A,
            .. Chunk("IHDR"u8, header),
            .. Chunk("IDAT"u8, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]),
            .. Chunk("IEND"u8, []),
        ];
    }

    private static byte[] Chunk(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[4 + 4 + data.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        type.CopyTo(chunk.AsSpan(4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>Width and height of a picture, or null when it does not decode.</summary>
    public static (int Width, int Height)? Size(byte[] picture)
    {
        using var bitmap = SKBitmap.Decode(picture);
        return bitmap is null ? null : (bitmap.Width, bitmap.Height);
    }

    public static MultipartFormDataContent Multipart(byte[] picture, string fileName = "me.png", string contentType = "image/png")
    {
        var file = new ByteArrayContent(picture);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    // PNG's CRC-32 (ISO 3309, reflected, polynomial 0xEDB88320), bit by bit: a few bytes only.
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256)));
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
