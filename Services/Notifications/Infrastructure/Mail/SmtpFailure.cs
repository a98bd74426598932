using MailKit.Net.Smtp;
using MailKit.Security;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>Which SMTP failures are worth another attempt, told by the server's status code.</summary>
internal static class SmtpFailure
{
    /// <summary>
    /// Permanent: a 5xx reply to RCPT or to the end of DATA, i.e. the server refused this recipient or this message
    /// for good (unknown mailbox, bad address, rejected content). Everything else is retried: 4xx replies, a refused
    /// or dropped connection, a timeout, and replies about the session (greeting, EHLO, AUTH, MAIL FROM), which
    /// concern every mail and are fixed by the server or the configuration, not by giving the mails up.
    /// </summary>
    public static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } refusal
        && (int)refusal.StatusCode is >= 500 and <= 599;

    /// <summary>The `mail` connection string and the server disagree (credentials refused or not checkable, TLS not offered).</summary>
    public static bool IsConfiguration(Exception exception) => exception is SmtpConfigurationException or AuthenticationException;

    /// <summary>The reason kept with the mail: the server's reply when there is one (never the password).</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException refusal => $"SMTP {(int)refusal.StatusCode} at {Stage(refusal.ErrorCode)}: {refusal.Message}",
        AuthenticationException => $"SMTP AUTH refused: {exception.Message}",
        OperationCanceledException => "SMTP server did not answer in time",
        _ => Innermost(exception).Message,
    };

    private static string Stage(SmtpErrorCode code) => code switch
    {
        SmtpErrorCode.RecipientNotAccepted => "recipient",
        SmtpErrorCode.MessageNotAccepted => "message",
        SmtpErrorCode.SenderNotAccepted => "sender",
        _ => "session",
    };

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is { } inner ? Innermost(inner) : exception;
}
