using System.Text;
using Shop.Nats.Protocol;

namespace Shop.Nats.Tests;

public sealed class ProtocolParserTests
{
    private const string Stream =
        "INFO {\"server_id\":\"a\",\"max_payload\":1048576}\r\n" +
        "MSG foo.bar 1 5\r\nhello\r\n" +
        "PING\r\n" +
        "MSG foo.bar 2 _INBOX.x.1 0\r\n\r\n" +
        "HMSG js.sub 3 $JS.ACK.S.C.1.2.3.4.5 22 27\r\nNATS/1.0\r\nBar: Baz\r\n\r\nhello\r\n" +
        "info {\"ldm\":true}\r\n" +
        "+OK\r\n" +
        "-ERR 'Invalid Subject'\r\n" +
        "HMSG _INBOX.x.2 4 16 16\r\nNATS/1.0 503\r\n\r\n\r\n" +
        "msg\ttabs.too\t5\t\t3\r\nabc\r\n" +
        "PONG\r\n";

    private static readonly string[] Expected =
    [
        "INFO {\"server_id\":\"a\",\"max_payload\":1048576}",
        "MSG foo.bar 1  h=0 p=hello",
        "PING",
        "MSG foo.bar 2 _INBOX.x.1 h=0 p=",
        "MSG js.sub 3 $JS.ACK.S.C.1.2.3.4.5 h=22 p=hello",
        "INFO {\"ldm\":true}",
        "ERR Invalid Subject",
        "MSG _INBOX.x.2 4  h=16 p=",
        "MSG tabs.too 5  h=0 p=abc",
        "PONG",
    ];

    [Fact]
    public void Parses_every_kind_of_frame_in_one_buffer()
    {
        var handler = new RecordingHandler();

        var consumed = ProtocolParser.ParseAll(Encoding.UTF8.GetBytes(Stream), handler, out _);

        Assert.Equal(Encoding.UTF8.GetByteCount(Stream), consumed);
        Assert.Equal(Expected, handler.Frames);
    }

    [Fact]
    public void Frames_split_at_every_byte_boundary_parse_the_same()
    {
        var bytes = Encoding.UTF8.GetBytes(Stream);
        for (var split = 1; split < bytes.Length; split++)
        {
            var handler = new RecordingHandler();
            var receive = new ReceiveBuffer();
            Feed(receive, bytes.AsSpan(0, split), handler);
            Feed(receive, bytes.AsSpan(split), handler);

            Assert.Equal(Expected, handler.Frames);
            Assert.Equal(0, receive.Unconsumed);
        }
    }

    [Fact]
    public void Byte_by_byte_delivery_parses_the_same()
    {
        var handler = new RecordingHandler();
        var receive = new ReceiveBuffer();
        foreach (var b in Encoding.UTF8.GetBytes(Stream))
        {
            Feed(receive, [b], handler);
        }

        Assert.Equal(Expected, handler.Frames);
    }

    [Fact]
    public void A_message_larger_than_the_buffer_grows_it()
    {
        var payload = new string('x', 300_000);
        var handler = new RecordingHandler();
        var receive = new ReceiveBuffer();
        var bytes = Encoding.UTF8.GetBytes($"MSG big 1 {payload.Length}\r\n{payload}\r\nPING\r\n");
        for (var offset = 0; offset < bytes.Length; offset += 10_000)
        {
            Feed(receive, bytes.AsSpan(offset, Math.Min(10_000, bytes.Length - offset)), handler);
        }

        Assert.Equal(payload, Encoding.UTF8.GetString(handler.Messages.Single().Payload));
        Assert.Equal("PING", handler.Frames[^1]);
    }

    [Fact]
    public void Incomplete_message_consumes_nothing_and_says_how_much_it_needs()
    {
        var handler = new RecordingHandler();
        var bytes = Encoding.UTF8.GetBytes("PING\r\nMSG a 1 10\r\n12345");

        var consumed = ProtocolParser.ParseAll(bytes, handler, out var required);

        Assert.Equal(6, consumed);
        Assert.Equal("MSG a 1 10\r\n".Length + 12, required);
        Assert.Equal(["PING"], handler.Frames);
    }

    [Theory]
    [InlineData("BOGUS\r\n")]
    [InlineData("MSG a\r\n")]
    [InlineData("MSG a 1 x\r\n")]
    [InlineData("MSG a 1 3\r\nabcXY")]
    [InlineData("HMSG a 1 9 3\r\nabc\r\n")]
    public void Malformed_input_is_a_protocol_error(string input)
    {
        Assert.Throws<NatsProtocolException>(() => ProtocolParser.ParseAll(Encoding.UTF8.GetBytes(input), new RecordingHandler(), out _));
    }

    [Fact]
    public void A_control_line_over_the_limit_is_a_protocol_error()
    {
        var line = Encoding.UTF8.GetBytes("INFO " + new string('x', ProtocolParser.MaxControlLineLength));

        Assert.Throws<NatsProtocolException>(() => ProtocolParser.ParseAll(line, new RecordingHandler(), out _));
    }

    private static void Feed(ReceiveBuffer receive, ReadOnlySpan<byte> bytes, IProtocolHandler handler)
    {
        while (!bytes.IsEmpty)
        {
            var memory = receive.GetReadMemory();
            var count = Math.Min(memory.Length, bytes.Length);
            bytes[..count].CopyTo(memory.Span);
            receive.Advance(count);
            receive.ParseAll(handler);
            bytes = bytes[count..];
        }
    }
}
