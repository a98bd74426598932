using System.Diagnostics;
using NATS.Client.Core;

namespace Shop.Messaging;

/// <summary>
/// Spans for publishing and handling events, linked through the W3C `traceparent` header so one trace runs from
/// the HTTP request that wrote the event, through the relay and NATS, to every consumer.
/// </summary>
internal static class MessagingTelemetry
{
    public static readonly ActivitySource Source = new("Shop.Messaging");

    /// <summary>The current trace context, to store with an outbox row; null when tracing is off.</summary>
    public static string? CurrentTraceParent() => Activity.Current?.Id;

    /// <summary>A producer span under the request that wrote the row (stored with it, as the relay runs later).</summary>
    public static Activity? StartPublish(string subject, string? storedTraceParent) =>
        Source.StartActivity(
            $"{subject} publish",
            ActivityKind.Producer,
            storedTraceParent is not null && ActivityContext.TryParse(storedTraceParent, null, out var parent) ? parent : default);

    /// <summary>Writes the span's context into the message headers (W3C `traceparent`, `tracestate`).</summary>
    public static NatsHeaders HeadersFor(Activity? activity, string? storedTraceParent)
    {
        var headers = new NatsHeaders();
        if (activity is not null)
        {
            DistributedContextPropagator.Current.Inject(activity, headers, static (carrier, name, value) => ((NatsHeaders)carrier!)[name] = value);
        }
        else if (storedTraceParent is not null)
        {
            headers["traceparent"] = storedTraceParent;
        }

        return headers;
    }

    /// <summary>A consumer span whose parent is the publisher's span, read from the message headers.</summary>
    public static Activity? StartProcess(string subject, NatsHeaders? headers) =>
        Source.StartActivity($"{subject} process", ActivityKind.Consumer, Extract(headers));

    private static ActivityContext Extract(NatsHeaders? headers)
    {
        if (headers is null)
        {
            return default;
        }

        DistributedContextPropagator.Current.ExtractTraceIdAndState(
            headers,
            static (carrier, name, out value, out values) =>
            {
                values = null;
                value = ((NatsHeaders)carrier!).TryGetValue(name, out var header) ? header.ToString() : null;
            },
            out var traceParent,
            out var traceState);
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;
    }
}
