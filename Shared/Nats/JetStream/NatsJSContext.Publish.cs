using System.Globalization;
using System.Text.Json;
using Shop.Nats.Protocol;

namespace Shop.Nats;

public sealed partial class NatsJSContext
{
    /// <summary>
    /// Publishes to a stream subject and waits for the stream's ack. <see cref="NatsJSPubOpts.MsgId"/> makes retries
    /// safe (a repeat is acked with Duplicate). A stream error raises <see cref="NatsJSApiException"/>; no stream on the
    /// subject raises <see cref="NatsNoRespondersException"/>.
    /// </summary>
    public async ValueTask<PubAckResponse> PublishAsync(
        string subject,
        ReadOnlyMemory<byte> data,
        NatsJSPubOpts? opts = null,
        NatsHeaders? headers = null,
        CancellationToken ct = default)
    {
        NatsMsg reply;
        try
        {
            reply = await Connection.RequestAsync(subject, data, WithPublishHeaders(headers, opts), RequestTimeout, ct).ConfigureAwait(false);
        }
        catch (NatsNoRespondersException exception)
        {
            throw new NatsNoRespondersException($"No JetStream stream stores '{subject}' (or JetStream is unavailable).", exception);
        }

        var ack = JsonSerializer.Deserialize(reply.Data.Span, NatsJsonContext.Default.PubAckResponse)
            ?? throw new NatsJSException($"JetStream sent an empty ack for '{subject}'.");
        ack.EnsureSuccess();
        return ack;
    }

    /// <summary>The caller's headers plus the Nats-* ones the options ask for (canonical spelling: the server matches it exactly).</summary>
    private static NatsHeaders? WithPublishHeaders(NatsHeaders? headers, NatsJSPubOpts? opts)
    {
        if (opts is null)
        {
            return headers;
        }

        var all = new NatsHeaders();
        if (headers is not null)
        {
            foreach (var (name, values) in headers)
            {
                all[name] = values;
            }
        }

        SetIfPresent(all, "Nats-Msg-Id", opts.MsgId);
        SetIfPresent(all, "Nats-Expected-Stream", opts.ExpectedStream);
        SetIfPresent(all, "Nats-Expected-Last-Sequence", opts.ExpectedLastSequence?.ToString(CultureInfo.InvariantCulture));
        SetIfPresent(all, "Nats-Expected-Last-Subject-Sequence", opts.ExpectedLastSubjectSequence?.ToString(CultureInfo.InvariantCulture));
        SetIfPresent(all, "Nats-Expected-Last-Msg-Id", opts.ExpectedLastMsgId);
        return all;
    }

    private static void SetIfPresent(NatsHeaders headers, string name, string? value)
    {
        if (value is not null)
        {
            // Remove first: an existing key in another spelling would otherwise keep that spelling.
            headers.Remove(name);
            headers.Add(name, value);
        }
    }
}
