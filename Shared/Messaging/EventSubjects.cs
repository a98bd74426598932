using System.Text.RegularExpressions;

namespace Shop.Messaging;

/// <summary>Names on the wire (contract.md section 4): stream `messages` on `msg.>`, dead letters on `dlq.>`.</summary>
public static partial class EventSubjects
{
    public const string Stream = "messages";
    public const string StreamSubjects = "msg.>";
    public const string DeadLetterStream = "deadletters";
    public const string DeadLetterSubjects = "dlq.>";

    /// <summary>`msg.&lt;source&gt;.&lt;event&gt;`.</summary>
    public static string For(string source, string eventName) => $"msg.{Token(source)}.{Token(eventName)}";

    /// <summary>`msg.&lt;source&gt;.>`: every event of one source.</summary>
    public static string AllOf(string source) => $"msg.{Token(source)}.>";

    /// <summary>The subject of <typeparamref name="TEvent"/>.</summary>
    public static string Of<TEvent>()
        where TEvent : IIntegrationEvent => For(TEvent.EventSource, TEvent.EventName);

    /// <summary>The CloudEvents type of <typeparamref name="TEvent"/>.</summary>
    public static string TypeOf<TEvent>()
        where TEvent : IIntegrationEvent => TypeFor(TEvent.EventSource, TEvent.EventName);

    /// <summary>`shop.&lt;source&gt;.&lt;event&gt;`, the CloudEvents type.</summary>
    public static string TypeFor(string source, string eventName) => $"shop.{Token(source)}.{Token(eventName)}";

    public static string DeadLetterFor(string subject) => $"dlq.{subject}";

    private static string Token(string value) =>
        NameToken().IsMatch(value) ? value : throw new ArgumentException($"'{value}' is not a lower-case event name token.", nameof(value));

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex NameToken();
}
