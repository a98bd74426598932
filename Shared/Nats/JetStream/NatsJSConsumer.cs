using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Shop.Nats.Protocol;

namespace Shop.Nats;

/// <summary>A durable pull consumer; every consume or fetch loop has its own inbox and pull requests.</summary>
internal sealed class NatsJSConsumer(NatsJSContext context, ConsumerInfo info) : INatsJSConsumer
{
    private const int MaxConsecutiveNoResponders = 10;
    private static readonly TimeSpan FetchGrace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    private readonly ILogger logger = context.Connection.Opts.LoggerFactory.CreateLogger<NatsJSConsumer>();

    public ConsumerInfo Info { get; private set; } = info;

    public async IAsyncEnumerable<NatsJSMsg> ConsumeAsync(NatsJSConsumeOpts? opts = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var plan = ConsumePlan.From(opts ?? new NatsJSConsumeOpts());
        var inbox = await PullInbox.OpenAsync(context, Info.StreamName, Info.Name, ct).ConfigureAwait(false);
        await using (inbox.ConfigureAwait(false))
        {
            // Messages asked for and not yet handed to the caller: never more than one batch.
            var pending = 0;
            var noResponders = 0;
            while (true)
            {
                if (pending <= plan.Threshold && await inbox.RequestAsync(plan.Batch - pending, plan.Expires, plan.Heartbeat, ct).ConfigureAwait(false))
                {
                    pending = plan.Batch;
                }

                var next = await inbox.ReadAsync(plan.IdleTimeout, ct).ConfigureAwait(false);
                if (next.Kind == PullEventKind.Completed)
                {
                    yield break;
                }

                if (next.Kind != PullEventKind.Message)
                {
                    pending = 0;
                    continue;
                }

                if (!PullStatus.TryFrom(next.Msg, out var status))
                {
                    noResponders = 0;
                    pending = Math.Max(0, pending - 1);
                    yield return new NatsJSMsg(next.Msg);
                    continue;
                }

                switch (status.Kind)
                {
                    case PullStatusKind.Heartbeat:
                        break;
                    case PullStatusKind.RequestEnded:
                        pending = status.UnfilledMessages == PullStatus.AllUnfilled ? 0 : Math.Max(0, pending - status.UnfilledMessages);
                        break;
                    case PullStatusKind.NoResponders when ++noResponders >= MaxConsecutiveNoResponders:
                        throw new NatsJSException($"Consumer {Info.StreamName}/{Info.Name} is unreachable: {noResponders} pulls in a row found no responders.");
                    case PullStatusKind.NoResponders or PullStatusKind.Transient:
                        NatsLog.PullStatus(logger, Info.StreamName, Info.Name, status.Description);
                        pending = 0;
                        if (!await PauseAsync(RetryPause, ct).ConfigureAwait(false))
                        {
                            yield break;
                        }

                        break;
                    default:
                        throw new NatsJSException($"Consumer {Info.StreamName}/{Info.Name} cannot be pulled: {status.Description}");
                }
            }
        }
    }

    public async IAsyncEnumerable<NatsJSMsg> FetchAsync(NatsJSFetchOpts opts, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(opts);
        ArgumentOutOfRangeException.ThrowIfLessThan(opts.MaxMsgs, 1, nameof(opts));
        var inbox = await PullInbox.OpenAsync(context, Info.StreamName, Info.Name, ct).ConfigureAwait(false);
        await using (inbox.ConfigureAwait(false))
        {
            if (!await inbox.RequestAsync(opts.MaxMsgs, opts.Expires, opts.IdleHeartbeat ?? TimeSpan.Zero, ct).ConfigureAwait(false))
            {
                throw new NatsReconnectBufferFullException();
            }

            var deadline = Stopwatch.GetTimestamp() + (long)((opts.Expires + FetchGrace).TotalSeconds * Stopwatch.Frequency);
            for (var remaining = opts.MaxMsgs; remaining > 0;)
            {
                var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
                var next = left > TimeSpan.Zero ? await inbox.ReadAsync(left, ct).ConfigureAwait(false) : new PullEvent(PullEventKind.IdleTimeout);
                if (next.Kind != PullEventKind.Message)
                {
                    yield break;
                }

                if (!PullStatus.TryFrom(next.Msg, out var status))
                {
                    remaining--;
                    yield return new NatsJSMsg(next.Msg);
                    continue;
                }

                switch (status.Kind)
                {
                    case PullStatusKind.Heartbeat:
                        continue;
                    case PullStatusKind.RequestEnded:
                        yield break;
                    case PullStatusKind.NoResponders:
                        throw new NatsNoRespondersException($"Consumer {Info.StreamName}/{Info.Name} does not exist (or JetStream is unavailable).");
                    default:
                        throw new NatsJSException($"Fetch from {Info.StreamName}/{Info.Name} failed: {status.Description}");
                }
            }
        }
    }

    public async ValueTask<NatsJSMsg?> NextAsync(TimeSpan? expires = null, CancellationToken ct = default)
    {
        var opts = new NatsJSFetchOpts { MaxMsgs = 1, Expires = expires ?? TimeSpan.FromSeconds(30) };
        await foreach (var msg in FetchAsync(opts, ct).ConfigureAwait(false))
        {
            return msg;
        }

        return null;
    }

    public async ValueTask RefreshAsync(CancellationToken ct = default) =>
        Info = await context.GetConsumerInfoAsync(Info.StreamName, Info.Name, ct).ConfigureAwait(false);

    private static async ValueTask<bool> PauseAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
