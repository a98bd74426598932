using System.Diagnostics;
using Shop.Testing;

namespace Shop.Messaging.Tests;

/// <summary>W3C trace context crosses a real nats-server: writer, relay, consumer and the consumer's own follow-up event share one trace.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TracingTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task The_trace_of_the_writer_continues_in_the_consumer_and_in_the_event_it_publishes()
    {
        var publishes = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = activitySource => activitySource.Name is "Shop.Messaging" or "tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Kind == ActivityKind.Producer)
                {
                    lock (publishes)
                    {
                        publishes.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var tests = new ActivitySource("tests");
        await using var host = await MessagingHost<Traced>.StartAsync(fixture.Stack, Names.Database());
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);

        string traceId;
        using (var request = tests.StartActivity("request"))
        {
            traceId = request!.TraceId.ToString();
            await host.EnqueueAsync(commit: true, new ThingHappened<Traced>("chain", 1));
        }

        await Eventually.GetAsync(() => Task.FromResult(host.Behaviour.Deliveries), deliveries => deliveries >= 1, TimeSpan.FromSeconds(15), "deliveries");
        var handling = host.Behaviour.Activities[0];
        Assert.NotNull(handling);
        Assert.Equal(ActivityKind.Consumer, handling.Kind);
        Assert.Equal(traceId, handling.TraceId.ToString());

        // The consumer's span is a child of the relay's publish span, known to it only through the message header.
        Activity publish;
        lock (publishes)
        {
            publish = Assert.Single(publishes, activity => activity.DisplayName.EndsWith(".thing_happened publish", StringComparison.Ordinal));
        }

        Assert.Equal(publish.SpanId, handling.ParentSpanId);

        var original = Assert.Single(await probe.ReadAsync(EventSubjects.Stream, EventSubjects.Of<ThingHappened<Traced>>(), atLeast: 1));
        Assert.Contains(traceId, original.Headers!["traceparent"].ToString(), StringComparison.Ordinal);
        var followUp = Assert.Single(await probe.ReadAsync(EventSubjects.Stream, EventSubjects.Of<ThingFollowed<Traced>>(), atLeast: 1));
        Assert.Contains(traceId, followUp.Headers!["traceparent"].ToString(), StringComparison.Ordinal);
    }

    private sealed class Traced : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }
}
