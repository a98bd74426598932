using NATS.Client.JetStream.Models;

namespace Shop.Messaging;

/// <summary>
/// The streams Shop asks nats-server for, with only settings 2.9 knows: it silently ignores newer ones
/// (compression, metadata, subject transforms), so asking for them would look like it worked.
/// </summary>
public static class MessagingStreams
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
    public static StreamConfig DeadLetters() => new(EventSubjects.DeadLetterStream, [EventSubjects.DeadLetterSubjects])
    {
        Storage = StreamConfigStorage.File,
        Retention = StreamConfigRetention.Limits,
        DuplicateWindow = TimeSpan.FromMinutes(2),
    };
}
