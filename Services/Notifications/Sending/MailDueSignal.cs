namespace Shop.Notifications.Sending;

/// <summary>Wakes every waiting sender at once (a pulse, not a count: senders look for due rows themselves).</summary>
internal sealed class MailDueSignal
{
    private TaskCompletionSource next = NewPulse();

    /// <summary>Completes at the next pulse. Take it before looking for work, so a pulse during the look is not missed.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Pulse() => Interlocked.Exchange(ref next, NewPulse()).TrySetResult();

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
