using System.Text;

namespace Shop.Nats.Tests;

public sealed class JetStreamStreamTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task Create_or_update_is_idempotent_and_applies_changes()
    {
        await using var connection = await nats.ConnectAsync();
        var js = new NatsJSContext(connection);
        var config = new StreamConfig("IDEMPOTENT", ["idem.>"]) { DuplicateWindow = TimeSpan.FromMinutes(2) };

        var created = await js.CreateOrUpdateStreamAsync(config);
        var again = await js.CreateOrUpdateStreamAsync(config);
        var changed = await js.CreateOrUpdateStreamAsync(config with { MaxAge = TimeSpan.FromHours(1) });

        Assert.Equal(created.Created, again.Created);
        Assert.Equal(TimeSpan.FromMinutes(2), again.Config.DuplicateWindow);
        Assert.Equal(StreamConfigStorage.File, again.Config.Storage);
        Assert.Equal(TimeSpan.FromHours(1), changed.Config.MaxAge);
        Assert.Equal(TimeSpan.FromHours(1), (await js.GetStreamAsync("IDEMPOTENT")).Config.MaxAge);
    }

    [Fact]
    public async Task Missing_stream_is_an_api_error_with_its_code()
    {
        await using var connection = await nats.ConnectAsync();
        var js = new NatsJSContext(connection);

        var error = await Assert.ThrowsAsync<NatsJSApiException>(async () => await js.GetStreamAsync("NO_SUCH_STREAM"));

        Assert.Equal(404, error.Error.Code);
        Assert.Equal(10059, error.Error.ErrCode);
    }

    [Fact]
    public async Task Invalid_names_are_refused_on_the_client()
    {
        await using var connection = await nats.ConnectAsync();
        var js = new NatsJSContext(connection);

        await Assert.ThrowsAsync<ArgumentException>(async () => await js.CreateOrUpdateStreamAsync(new StreamConfig("bad.name", ["x"])));
        await Assert.ThrowsAsync<ArgumentException>(async () => await js.CreateOrUpdateConsumerAsync("S", new ConsumerConfig("bad name")));
    }

    [Fact]
    public async Task Publish_is_acked_with_increasing_sequences()
    {
        await using var connection = await nats.ConnectAsync();
        var js = new NatsJSContext(connection);
        await js.CreateOrUpdateStreamAsync(new StreamConfig("ACKED", ["acked.>"]));

        var first = await js.PublishAsync("acked.a", "1"u8.ToArray());
        var second = await js.PublishAsync("acked.b", "2"u8.ToArray());

        Assert.Equal("ACKED", first.Stream);
        Assert.Equal(first.Seq + 1, second.Seq);
        Assert.False(second.Duplicate);
    }

    [Fact]
    public async Task Repeated_msg_id_is_acked_as_duplicate_and_stored_once()
    {
        await using var connection = await nats.ConnectAsync();
        var js = new NatsJSContext(connection);
        await js.CreateOrUpdateStreamAsync(new StreamConfig("DEDUPE", ["dedupe.>"]));
        var opts = new NatsJSPubOpts { MsgId = "event-42" };

        var original = await js.PublishAsync("dedupe.x", "payload"u8.ToArray(), opts);
        var repeat = await js.PublishAsync("dedupe.x", "payload"u8.ToArray(), opts);

        Assert.False(original.Duplicate);
        Assert.True(repeat.Duplicate);
        Assert.Equal(original.Seq, repeat.Seq);
        Assert.Equal(1UL, (await js.GetStreamAsync("DEDUPE")).State.Messages);
    }

    [Fact]
    public async Task Failed_expectation_is_an_api_error()
    {
        await using var connection = await nats.ConnectAsync();
        var js = new NatsJSContext(connection);
        await js.CreateOrUpdateStreamAsync(new StreamConfig("EXPECT", ["expect.>"]));

        var error = await Assert.ThrowsAsync<NatsJSApiException>(async () =>
            await js.PublishAsync("expect.x", "x"u8.ToArray(), new NatsJSPubOpts { ExpectedLastSequence = 99 }));

        Assert.Equal(10071, error.Error.ErrCode);
    }

    [Fact]
    public async Task Publish_to_a_subject_without_stream_has_no_responders()
    {
        await using var connection = await nats.ConnectAsync();
        var js = new NatsJSContext(connection);

        await Assert.ThrowsAsync<NatsNoRespondersException>(async () => await js.PublishAsync("nostream.here", "x"u8.ToArray()));
    }

    [Fact]
    public async Task Stored_message_is_read_back_by_sequence_with_headers()
    {
        await using var connection = await nats.ConnectAsync();
        var js = new NatsJSContext(connection);
        await js.CreateOrUpdateStreamAsync(new StreamConfig("STORED", ["stored.>"]));
        var ack = await js.PublishAsync("stored.one", "body"u8.ToArray(), headers: new NatsHeaders { ["Trace"] = "t-1" });

        var stored = await js.GetMessageAsync("STORED", ack.Seq);

        Assert.Equal("stored.one", stored.Subject);
        Assert.Equal(ack.Seq, stored.Sequence);
        Assert.Equal("body", Encoding.UTF8.GetString(stored.Data!));
        Assert.Equal("t-1", stored.Headers!["Trace"]);
    }

    [Fact]
    public async Task Delete_removes_the_stream()
    {
        await using var connection = await nats.ConnectAsync();
        var js = new NatsJSContext(connection);
        await js.CreateOrUpdateStreamAsync(new StreamConfig("DOOMED", ["doomed.>"]) { Storage = StreamConfigStorage.Memory });

        Assert.True(await js.DeleteStreamAsync("DOOMED"));
        await Assert.ThrowsAsync<NatsJSApiException>(async () => await js.GetStreamAsync("DOOMED"));
    }
}
