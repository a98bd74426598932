namespace Shop.Nats.Tests;

public sealed class AckMetadataTests
{
    [Fact]
    public void Parses_the_v1_ack_subject_that_2_9_sends()
    {
        var metadata = NatsJSMsgMetadata.Parse("$JS.ACK.ORDERS.worker.3.1042.17.1700000000123456789.5");

        Assert.NotNull(metadata);
        Assert.Equal("ORDERS", metadata.Stream);
        Assert.Equal("worker", metadata.Consumer);
        Assert.Equal(3UL, metadata.NumDelivered);
        Assert.Equal(new NatsJSSequencePair(1042, 17), metadata.Sequence);
        Assert.Equal(5UL, metadata.NumPending);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123).AddTicks(4567), metadata.Timestamp);
        Assert.Equal(string.Empty, metadata.Domain);
    }

    [Fact]
    public void Parses_the_v2_form_with_domain_account_and_extra_token()
    {
        var metadata = NatsJSMsgMetadata.Parse("$JS.ACK.hub.ACCHASH.ORDERS.worker.1.9.8.1700000000000000000.0.r4nd0m");

        Assert.NotNull(metadata);
        Assert.Equal("hub", metadata.Domain);
        Assert.Equal("ORDERS", metadata.Stream);
        Assert.Equal("worker", metadata.Consumer);
        Assert.Equal(new NatsJSSequencePair(9, 8), metadata.Sequence);
        Assert.Equal(1UL, metadata.NumDelivered);
    }

    [Fact]
    public void V2_with_underscore_domain_means_no_domain()
    {
        Assert.Equal(string.Empty, NatsJSMsgMetadata.Parse("$JS.ACK._.ACC.S.C.1.2.3.4.5")!.Domain);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("_INBOX.abc.1")]
    [InlineData("$JS.ACK.S.C.1.2.3.4")]
    [InlineData("$JS.ACK.S.C.1.2.3.4.5.6")]
    [InlineData("$JS.ACK.S.C.x.2.3.4.5")]
    public void Anything_else_is_not_a_jetstream_delivery(string? replyTo)
    {
        Assert.Null(NatsJSMsgMetadata.Parse(replyTo));
    }
}
