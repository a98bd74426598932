using System.Text;

namespace Shop.SystemTests.Hostile;

/// <summary>One part of a multipart/form-data body; a null file name makes it a plain field.</summary>
public sealed record FormPart(string Name, string? FileName, string? ContentType, byte[] Content);

/// <summary>multipart/form-data written by hand, so a case can also get it wrong (no boundary, no end).</summary>
public static class Multipart
{
    public const string Boundary = "hostile-boundary-7d1";

    public static (byte[] Body, string ContentType) Of(IReadOnlyList<FormPart> parts, bool closed = true)
    {
        using var body = new MemoryStream();
        foreach (var part in parts)
        {
            var head = new StringBuilder($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{part.Name}\"");
            if (part.FileName is not null)
            {
                head.Append($"; filename=\"{part.FileName}\"");
            }

            if (part.ContentType is not null)
            {
                head.Append($"\r\nContent-Type: {part.ContentType}");
            }

            body.Write(Encoding.UTF8.GetBytes(head.Append("\r\n\r\n").ToString()));
            body.Write(part.Content);
            body.Write("\r\n"u8);
        }

        if (closed)
        {
            body.Write(Encoding.ASCII.GetBytes($"--{Boundary}--\r\n"));
        }

        return (body.ToArray(), $"multipart/form-data; boundary={Boundary}");
    }
}
