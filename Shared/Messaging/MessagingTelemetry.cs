using System.Diagnostics;
using Shop.Nats;

namespace Shop.Messaging;

/// <summary>
/// Spans for publishing and handling events, linked through the W3C `traceparent` header so one trace runs from
/// the HTTP request that wrote the event, through the relay and NATS, to every consumer.
/// </summary>
internal static class MessagingTelemetry
{
    public const string TraceParentHeader = "traceparent";

    public static readonly ActivitySource Source = new("Shop.Messaging");

    /// <summary>The current trace context, to store with an outbox row; null when tracing is off.</summary>
    public static string? CurrentTraceParent() => Activity.Current?.Id;

    public static Activity? StartPublish(string subject, string? storedTraceParent) =>
        Source.StartActivity($"{subject} publish", ActivityKind.Producer, Parent(storedTraceParent));

    public static Activity? StartProcess(string subject, NatsHeaders? headers) =>
        Source.StartActivity(
            $"{subject} process",
            ActivityKind.Consumer,
            Parent(headers is not null && headers.TryGetValue(TraceParentHeader, out var value) ? value.ToString() : null));

    private static ActivityContext Parent(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
}
