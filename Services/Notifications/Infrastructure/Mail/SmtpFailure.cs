namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>Which SMTP failures are worth another attempt.</summary>
internal static class SmtpFailure
{
    /// <summary>
    /// Permanent: a 550-554 reply to RCPT or to the end of DATA, i.e. the server refused this recipient or this
    /// message (unknown mailbox, bad address, rejected content). Everything else is retried: 4xx replies, a refused
    /// or dropped connection, a timeout, and 5xx replies about the session (greeting, EHLO, AUTH, MAIL FROM), which
    /// concern every mail and are fixed by configuration, not by giving the mails up.
    /// </summary>
    public static bool IsPermanent(Exception exception) =>
        exception is SmtpReplyException { Stage: SmtpStage.Recipient or SmtpStage.Message, Code: >= 550 and <= 554 };

    /// <summary>The reason kept with the mail: the server's reply when there is one.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SmtpReplyException reply => reply.Message,
        OperationCanceledException => "SMTP server did not answer in time",
        _ => Innermost(exception).Message,
    };

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is { } inner ? Innermost(inner) : exception;
}
