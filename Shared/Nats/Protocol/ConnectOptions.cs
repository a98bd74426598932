using System.Text.Json.Serialization;

namespace Shop.Nats.Protocol;

/// <summary>The CONNECT body.</summary>
internal sealed record ConnectOptions
{
    // Always written, even as false: the server treats a missing verbose, pedantic or echo as true.
    [JsonPropertyName("verbose")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Verbose { get; init; }

    [JsonPropertyName("pedantic")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Pedantic { get; init; }

    [JsonPropertyName("tls_required")]
    public bool TlsRequired { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("lang")]
    public string Lang { get; init; } = ".NET";

    [JsonPropertyName("version")]
    public string Version { get; init; } = "1.0.0";

    [JsonPropertyName("protocol")]
    public int Protocol { get; init; } = 1;

    [JsonPropertyName("echo")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Echo { get; init; } = true;

    [JsonPropertyName("headers")]
    public bool Headers { get; init; } = true;

    [JsonPropertyName("no_responders")]
    public bool NoResponders { get; init; } = true;

    [JsonPropertyName("user")]
    public string? User { get; init; }

    [JsonPropertyName("pass")]
    public string? Pass { get; init; }
}
