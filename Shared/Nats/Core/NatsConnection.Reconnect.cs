using Shop.Nats.Protocol;

namespace Shop.Nats;

/// <summary>Keeping the connection up: run a session to its end, reconnect with backoff and jitter, or give up.</summary>
public sealed partial class NatsConnection
{
    // nats.net gives up after two as well: a wrong password does not fix itself.
    private const int MaxAuthorizationFailures = 2;

    /// <summary>Runs each session to its end and reconnects, until disposed or given up.</summary>
    private async Task SuperviseAsync(NatsSession current)
    {
        while (true)
        {
            Exception reason;
            using (disposing.Token.Register(() => current.Abort(null)))
            {
                reason = await current.RunAsync(this, writer, Opts).ConfigureAwait(false);
            }

            writer.Detach();
            current.Abort(null);
            if (disposing.IsCancellationRequested)
            {
                return;
            }

            state = NatsConnectionState.Reconnecting;
            NatsLog.Disconnected(logger, url.Redacted, reason.Message);
            events.Raise(this, ConnectionDisconnected, new NatsEventArgs(reason.Message));
            var (next, attempts) = await ReconnectAsync().ConfigureAwait(false);
            if (next is null)
            {
                return;
            }

            OnSessionOpened(next);
            NatsLog.Reconnected(logger, url.Redacted, attempts, subscriptions.Count);
            foreach (var sub in subscriptions.Values)
            {
                sub.OnReconnected();
            }

            current = next;
        }
    }

    private async Task<(NatsSession? Session, int Attempts)> ReconnectAsync()
    {
        var authorizationFailures = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (attempt > 1)
                {
                    await Task.Delay(ReconnectDelay(attempt - 1), disposing.Token).ConfigureAwait(false);
                }

                return (await NatsSession.ConnectAsync(url, Opts, disposing.Token).ConfigureAwait(false), attempt);
            }
            catch (OperationCanceledException) when (disposing.IsCancellationRequested)
            {
                return (null, attempt);
            }
            catch (NatsAuthorizationException exception) when (++authorizationFailures >= MaxAuthorizationFailures)
            {
                GiveUp(exception);
                return (null, attempt);
            }
            catch (Exception exception)
            {
                NatsLog.ReconnectAttemptFailed(logger, attempt, url.Redacted, exception.Message);
                if (Opts.MaxReconnectRetry >= 0 && attempt > Opts.MaxReconnectRetry)
                {
                    GiveUp(exception);
                    return (null, attempt);
                }
            }
        }
    }

    /// <summary>Exponential from ReconnectWaitMin, capped at ReconnectWaitMax, plus random jitter.</summary>
    private TimeSpan ReconnectDelay(int failures)
    {
        var backoff = Opts.ReconnectWaitMin * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = backoff < Opts.ReconnectWaitMax ? backoff : Opts.ReconnectWaitMax;
        return capped + (Opts.ReconnectJitter * Random.Shared.NextDouble());
    }

    private void GiveUp(Exception reason)
    {
        state = NatsConnectionState.Failed;
        NatsLog.Failed(logger, url.Redacted, reason.Message);
        var error = new NatsException($"Gave up reconnecting to {url.Redacted}: {reason.Message}", reason);
        CloseEverything(() => error, error);
        events.Raise(this, ReconnectFailed, new NatsEventArgs(reason.Message));
    }
}
