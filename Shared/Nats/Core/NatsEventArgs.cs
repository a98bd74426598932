namespace Shop.Nats;

/// <summary>A connection event with a human-readable description.</summary>
public class NatsEventArgs(string message) : EventArgs
{
    public string Message { get; } = message;
}

/// <summary>A <c>-ERR</c> from the server.</summary>
public sealed class NatsServerErrorEventArgs(string error) : NatsEventArgs(error)
{
    public string Error { get; } = error;
}

/// <summary>A subscription's channel is full and new messages are dropped (raised once per run of drops).</summary>
public sealed class NatsMessageDroppedEventArgs(string subject, int pending) : NatsEventArgs($"Dropping messages on {subject}: {pending} pending")
{
    public string Subject { get; } = subject;

    public int Pending { get; } = pending;
}
