using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Nats.Protocol;

/// <summary>JetStream durations are int64 nanoseconds, not .NET's "hh:mm:ss".</summary>
internal sealed class NanosecondsConverter : JsonConverter<TimeSpan>
{
    private const long NanosecondsPerTick = 100;

    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeSpan.FromTicks(reader.GetInt64() / NanosecondsPerTick);

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Ticks * NanosecondsPerTick);
}
