namespace Shop.Storage;

/// <summary>An object read from storage; disposing it releases its content.</summary>
public sealed class StoredObject(MemoryStream content, string contentType) : IDisposable
{
    public Stream Content => content;

    public string ContentType => contentType;

    public long Length => content.Length;

    public void Dispose() => content.Dispose();
}
