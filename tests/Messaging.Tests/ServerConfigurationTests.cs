using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NATS.Client.JetStream.Models;

namespace Shop.Messaging.Tests;

/// <summary>
/// nats-server 2.9 silently drops settings it does not know (a consumer asked for `filter_subjects` gets no filter at
/// all), so what Shop asked for is read back from the server and compared, field by field.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ServerConfigurationTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task The_streams_on_the_server_are_what_shop_asked_for()
    {
        await using var host = await MessagingHost<Streams>.StartAsync(fixture.Stack, Names.Database(), consume: false);
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);
        var retention = host.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.Retention;

        AssertStream(MessagingStreams.Messages(retention), (await probe.JetStream.GetStreamAsync(EventSubjects.Stream)).Info.Config);
        AssertStream(MessagingStreams.DeadLetters(), (await probe.JetStream.GetStreamAsync(EventSubjects.DeadLetterStream)).Info.Config);
    }

    [Fact]
    public async Task The_durable_consumer_on_the_server_is_what_shop_asked_for()
    {
        await using var host = await MessagingHost<Consumer>.StartAsync(fixture.Stack, Names.Database());
        await using var probe = await StreamProbe.ConnectAsync(fixture.Stack);
        var registration = Assert.Single(host.Services.GetServices<ConsumerRegistration>());
        var asked = registration.ToConsumerConfig(host.Services.GetRequiredService<IOptions<MessagingOptions>>().Value);

        var actual = await Testing.Eventually.GetAsync(
            async () => (await probe.JetStream.ListConsumerNamesAsync(EventSubjects.Stream).ToListAsync()).Contains(registration.DurableName)
                ? (await probe.JetStream.GetConsumerAsync(EventSubjects.Stream, registration.DurableName)).Info.Config
                : null,
            config => config is not null,
            TimeSpan.FromSeconds(15),
            "the durable consumer");

        Assert.Equal(EventSubjects.Of<ThingHappened<Consumer>>(), asked.FilterSubject);
        Assert.Equal(asked.Name, actual!.Name);
        Assert.Equal(asked.DurableName, actual.DurableName);
        Assert.Equal(asked.FilterSubject, actual.FilterSubject);
        Assert.True(actual.FilterSubjects is null || actual.FilterSubjects.Count == 0);
        Assert.Equal(asked.DeliverPolicy, actual.DeliverPolicy);
        Assert.Equal(asked.AckPolicy, actual.AckPolicy);
        Assert.Equal(asked.AckWait, actual.AckWait);
        Assert.Equal(asked.MaxDeliver, actual.MaxDeliver);
        Assert.Equal(asked.MaxAckPending, actual.MaxAckPending);
        Assert.Equal(asked.ReplayPolicy, actual.ReplayPolicy);
        Assert.Equal(TimeSpan.FromSeconds(3), actual.AckWait); // the host's Messaging:AckWait, not a default
    }

    private static void AssertStream(StreamConfig asked, StreamConfig actual)
    {
        Assert.Equal(asked.Name, actual.Name);
        Assert.Equal(asked.Subjects, actual.Subjects);
        Assert.Equal(asked.Storage, actual.Storage);
        Assert.Equal(asked.Retention, actual.Retention);
        Assert.Equal(asked.DuplicateWindow, actual.DuplicateWindow);
        Assert.Equal(asked.MaxAge, actual.MaxAge);
        Assert.Equal(asked.Discard, actual.Discard);
        Assert.Equal(TimeSpan.FromMinutes(2), actual.DuplicateWindow); // contract.md section 4
    }

    private sealed class Streams : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }

    private sealed class Consumer : ITestSource
    {
        public static string Name { get; } = Names.Source();
    }
}
