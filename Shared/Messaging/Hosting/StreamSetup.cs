using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Nats;

namespace Shop.Messaging;

/// <summary>
/// Connects to NATS and creates or updates the `messages` and `deadletters` streams before the service takes
/// requests, retrying while NATS is unreachable (a service may start before its broker).
/// </summary>
internal sealed partial class StreamSetup(NatsConnection connection, NatsJSContext jetStream, IOptions<MessagingOptions> options, ILogger<StreamSetup> logger) : IHostedService
{
    /// <summary>Contract.md section 4: file storage, a 2-minute duplicate window for Nats-Msg-Id.</summary>
    public static StreamConfig Messages(TimeSpan retention) => new(EventSubjects.Stream, [EventSubjects.StreamSubjects])
    {
        Storage = StreamConfigStorage.File,
        Retention = StreamConfigRetention.Limits,
        DuplicateWindow = TimeSpan.FromMinutes(2),
        MaxAge = retention,
    };

    /// <summary>Dead letters are kept until an operator deals with them.</summary>
    public static StreamConfig DeadLetterStream() => new(EventSubjects.DeadLetterStream, [EventSubjects.DeadLetterSubjects])
    {
        Storage = StreamConfigStorage.File,
        Retention = StreamConfigRetention.Limits,
        DuplicateWindow = TimeSpan.FromMinutes(2),
    };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                if (connection.ConnectionState != NatsConnectionState.Open)
                {
                    await connection.ConnectAsync(cancellationToken);
                }

                await jetStream.CreateOrUpdateStreamAsync(Messages(options.Value.Retention), cancellationToken);
                await jetStream.CreateOrUpdateStreamAsync(DeadLetterStream(), cancellationToken);
                return;
            }
            catch (NatsException exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogNotReady(exception.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS JetStream is not ready yet ({Reason}); retrying in {Delay}")]
    private partial void LogNotReady(string reason, TimeSpan delay);
}
