using System.Text.Json.Serialization;

namespace Shop.Gateway.Tests.Infrastructure;

/// <summary>What a test upstream received from the gateway, exactly as it arrived (raw target, every header, body size).</summary>
public sealed record ReceivedRequest(
    [property: JsonPropertyName("upstream")] string Upstream,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("headers")] Dictionary<string, string> Headers,
    [property: JsonPropertyName("bodyLength")] long BodyLength)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public IEnumerable<string> HeaderNames => Headers.Keys;
}
