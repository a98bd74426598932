using System.Text;
using Shop.Nats.Protocol;

namespace Shop.Nats.Tests;

public sealed class HeaderCodecTests
{
    [Fact]
    public void Block_with_one_header_is_22_bytes_and_HPUB_counts_it_in_the_total()
    {
        var headers = new NatsHeaders { ["Bar"] = "Baz" };
        var headerBytes = HeaderCodec.GetEncodedLength(headers);
        var payload = "Hello World"u8.ToArray();
        var length = CommandEncoder.GetPublishLineLength(3, 0, headerBytes, payload.Length, hasHeaders: true) + headerBytes + payload.Length + 2;
        var buffer = new byte[length];

        CommandEncoder.WritePublish(buffer, "FOO", null, headers, headerBytes, payload);

        Assert.Equal(22, headerBytes);
        Assert.Equal("HPUB FOO 22 33\r\nNATS/1.0\r\nBar: Baz\r\n\r\nHello World\r\n", Encoding.UTF8.GetString(buffer));
    }

    [Fact]
    public void PUB_with_reply_and_empty_payload()
    {
        var length = CommandEncoder.GetPublishLineLength(3, 7, 0, 0, hasHeaders: false) + 2;
        var buffer = new byte[length];

        CommandEncoder.WritePublish(buffer, "FOO", "_INBOX.", null, 0, default);

        Assert.Equal("PUB FOO _INBOX. 0\r\n\r\n", Encoding.UTF8.GetString(buffer));
    }

    [Fact]
    public void Parses_status_code_description_and_repeated_names()
    {
        var block = "NATS/1.0 408 Request Timeout\r\nNats-Pending-Messages: 7\r\nX: 1\r\nx: 2\r\n\r\n"u8;

        var headers = HeaderCodec.Parse(block);

        Assert.Equal(408, headers.Code);
        Assert.Equal("Request Timeout", headers.Message);
        Assert.Equal("7", headers["nats-pending-messages"]);
        Assert.Equal(new[] { "1", "2" }, headers["X"].ToArray());
    }

    [Fact]
    public void Parses_a_bare_503_status()
    {
        var headers = HeaderCodec.Parse("NATS/1.0 503\r\n\r\n"u8);

        Assert.Equal(503, headers.Code);
        Assert.Null(headers.Message);
        Assert.Empty(headers);
    }

    [Fact]
    public void Round_trips_names_values_and_utf8()
    {
        var headers = new NatsHeaders { ["Nats-Msg-Id"] = "ä-1", ["Multi"] = new(["a", "b"]) };
        var block = new byte[HeaderCodec.GetEncodedLength(headers)];
        HeaderCodec.Write(headers, block);

        var parsed = HeaderCodec.Parse(block);

        Assert.Equal(0, parsed.Code);
        Assert.Equal("ä-1", parsed["Nats-Msg-Id"]);
        Assert.Equal(new[] { "a", "b" }, parsed["multi"].ToArray());
        Assert.StartsWith("NATS/1.0\r\nNats-Msg-Id: ", Encoding.UTF8.GetString(block), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad Name")]
    [InlineData("Colon:")]
    [InlineData("")]
    public void Invalid_names_are_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => HeaderCodec.GetEncodedLength(new NatsHeaders { [name] = "v" }));
    }
}
