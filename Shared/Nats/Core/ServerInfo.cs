using System.Text.Json.Serialization;

namespace Shop.Nats;

/// <summary>The server's INFO; it may be sent again at any time, and <see cref="NatsConnection.ServerInfo"/> then changes.</summary>
public sealed record ServerInfo
{
    [JsonPropertyName("server_id")]
    public string Id { get; init; } = string.Empty;

    [JsonPropertyName("server_name")]
    public string Name { get; init; } = string.Empty;

    [JsonPropertyName("version")]
    public string Version { get; init; } = string.Empty;

    [JsonPropertyName("proto")]
    public int ProtocolVersion { get; init; }

    [JsonPropertyName("host")]
    public string Host { get; init; } = string.Empty;

    [JsonPropertyName("port")]
    public int Port { get; init; }

    [JsonPropertyName("headers")]
    public bool HeadersSupported { get; init; }

    /// <summary>The largest headers + payload the server accepts in one message.</summary>
    [JsonPropertyName("max_payload")]
    public int MaxPayload { get; init; } = 1024 * 1024;

    [JsonPropertyName("jetstream")]
    public bool JetStreamAvailable { get; init; }

    [JsonPropertyName("auth_required")]
    public bool AuthRequired { get; init; }

    [JsonPropertyName("tls_required")]
    public bool TlsRequired { get; init; }

    [JsonPropertyName("client_id")]
    public ulong ClientId { get; init; }

    [JsonPropertyName("connect_urls")]
    public IReadOnlyList<string>? ClientConnectUrls { get; init; }

    /// <summary>Lame-duck mode: the server is about to shut down.</summary>
    [JsonPropertyName("ldm")]
    public bool LameDuckMode { get; init; }

    [JsonPropertyName("domain")]
    public string? Domain { get; init; }
}
