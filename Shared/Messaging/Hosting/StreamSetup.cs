using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Shop.Messaging;

/// <summary>
/// Connects to NATS and creates or updates the `messages` and `deadletters` streams before the service takes
/// requests, retrying while NATS is unreachable (a service may start before its broker).
/// </summary>
internal sealed partial class StreamSetup(INatsConnection connection, INatsJSContext jetStream, IOptions<MessagingOptions> options, ILogger<StreamSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                if (connection.ConnectionState != NatsConnectionState.Open)
                {
                    await connection.ConnectAsync();
                }

                await jetStream.CreateOrUpdateStreamAsync(MessagingStreams.Messages(options.Value.Retention), cancellationToken);
                await jetStream.CreateOrUpdateStreamAsync(MessagingStreams.DeadLetters(), cancellationToken);
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
