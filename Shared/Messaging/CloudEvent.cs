using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Messaging;

/// <summary>The CloudEvents 1.0 JSON envelope every Shop event travels in (contract.md section 4).</summary>
public sealed record CloudEvent
{
    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = "1.0";

    [JsonPropertyName("id")]
    public required Guid Id { get; init; }

    /// <summary>`shop.&lt;source&gt;.&lt;event&gt;`.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("time")]
    public required DateTimeOffset Time { get; init; }

    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = "application/json";

    [JsonPropertyName("data")]
    public required JsonElement Data { get; init; }

    /// <summary>The last part of the type: `order_placed`.</summary>
    [JsonIgnore]
    public string EventName => Type[(Type.LastIndexOf('.') + 1)..];

    /// <summary>`msg.&lt;source&gt;.&lt;event&gt;`.</summary>
    [JsonIgnore]
    public string Subject => EventSubjects.For(Source, EventName);

    public static CloudEvent Create(string source, string eventName, object data, DateTimeOffset time) => new()
    {
        Id = Guid.CreateVersion7(time),
        Type = EventSubjects.TypeFor(source, eventName),
        Source = source,
        Time = time,
        Data = JsonSerializer.SerializeToElement(data, data.GetType(), EventJson.Options),
    };

    /// <summary>Reads an envelope and checks it agrees with the subject it came on.</summary>
    /// <exception cref="MalformedEventException">Not a Shop CloudEvent, or not the event its subject names.</exception>
    public static CloudEvent Parse(ReadOnlySpan<byte> json, string subject)
    {
        CloudEvent? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<CloudEvent>(json, EventJson.Options);
        }
        catch (JsonException exception)
        {
            throw new MalformedEventException($"The message on {subject} is not a CloudEvents JSON envelope: {exception.Message}", exception);
        }

        if (envelope is null || envelope.SpecVersion != "1.0" || envelope.Id == Guid.Empty)
        {
            throw new MalformedEventException($"The message on {subject} lacks specversion 1.0 or an id.");
        }

        if (!envelope.Type.StartsWith("shop.", StringComparison.Ordinal) || !IsSubjectOf(envelope, subject))
        {
            throw new MalformedEventException($"The event type {envelope.Type} does not match its subject {subject}.");
        }

        return envelope;
    }

    /// <summary>The event's data as <typeparamref name="T"/>; required members must be present and non-null.</summary>
    /// <exception cref="MalformedEventException">The data does not have that shape.</exception>
    public T GetData<T>()
    {
        try
        {
            return Data.Deserialize<T>(EventJson.Options) ?? throw new MalformedEventException($"{Type} {Id} has no data.");
        }
        catch (JsonException exception)
        {
            throw new MalformedEventException($"{Type} {Id} has data that is not a {typeof(T).Name}: {exception.Message}", exception);
        }
    }

    private static bool IsSubjectOf(CloudEvent envelope, string subject)
    {
        try
        {
            return envelope.Type == EventSubjects.TypeFor(envelope.Source, envelope.EventName) && envelope.Subject == subject;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>An event that can never be handled as it is: it is dead-lettered at once instead of retried.</summary>
public sealed class MalformedEventException : Exception
{
    public MalformedEventException(string message)
        : base(message)
    {
    }

    public MalformedEventException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>camelCase, and strict about required members, so a producer bug is caught rather than guessed around.</summary>
internal static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
