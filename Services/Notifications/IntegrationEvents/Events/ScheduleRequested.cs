using System.Text.Json;
using Shop.Messaging;

namespace Shop.Notifications.IntegrationEvents.Events;

/// <summary>
/// `msg.notifications.schedule_requested`: send <paramref name="Template"/> with <paramref name="Data"/> to
/// <paramref name="To"/> at <paramref name="SendAt"/> (now when absent); a later request with the same
/// <paramref name="Key"/> replaces a pending one.
/// </summary>
public sealed record ScheduleRequested(string To, string Template, JsonElement Data, DateTimeOffset? SendAt = null, string? Key = null) : IIntegrationEvent
{
    public static string EventSource => "notifications";

    public static string EventName => "schedule_requested";
}
