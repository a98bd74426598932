using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Shop.Nats.Protocol;

/// <summary>
/// Runs user event handlers one at a time, in order, off the read loop and the reconnect loop,
/// so a slow or throwing handler cannot stall or break the connection.
/// </summary>
internal sealed class EventDispatcher
{
    private readonly Channel<Action> queue = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger logger;
    private readonly Task runner;

    public EventDispatcher(ILogger logger)
    {
        this.logger = logger;
        runner = Task.Run(RunAsync);
    }

    public void Raise<TArgs>(object sender, EventHandler<TArgs>? handler, TArgs args)
    {
        if (handler is not null)
        {
            queue.Writer.TryWrite(() => handler(sender, args));
        }
    }

    /// <summary>Runs what is queued, then stops.</summary>
    public Task CompleteAsync()
    {
        queue.Writer.TryComplete();
        return runner;
    }

    private async Task RunAsync()
    {
        await foreach (var action in queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                NatsLog.EventHandlerFailed(logger, exception);
            }
        }
    }
}
