using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Gateway.Analytics;

/// <summary>Reads a service's `/internal/stats` body strictly: anything but the expected, plausible shape is no answer.</summary>
internal static class ServiceAnswers
{
    /// <summary>Far more than any totals document; a larger body is not one.</summary>
    public const int MaxBytes = 64 * 1024;

    // Every member required and non-null, numbers as numbers; extra members are allowed so a service can add
    // figures before the gateway shows them.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static T? TryRead<T>(ReadOnlySpan<byte> body)
        where T : class, IServiceTotals
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json) is { IsPlausible: true } totals ? totals : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
