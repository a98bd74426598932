namespace Shop.Nats.Protocol;

/// <summary>A parsed <c>nats://[user:pass@]host:port</c>.</summary>
internal sealed record NatsUrl(string Host, int Port, string? User, string? Password)
{
    private const int DefaultPort = 4222;

    /// <summary>The URL without its credentials, safe to log.</summary>
    public string Redacted => $"nats://{Host}:{Port}";

    public static NatsUrl Parse(string url)
    {
        var text = url.Contains("://", StringComparison.Ordinal) ? url : "nats://" + url;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{url}' is not a nats://[user:pass@]host:port URL.", nameof(url));
        }

        if (uri.Scheme != "nats")
        {
            throw new NotSupportedException($"Scheme '{uri.Scheme}' is not supported: this client speaks plain nats:// only (no TLS).");
        }

        string? user = null;
        string? password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        return new NatsUrl(uri.Host, uri.IsDefaultPort ? DefaultPort : uri.Port, user, password);
    }
}
