using System.Net.Mail;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>Which SMTP failures are worth another attempt.</summary>
internal static class SmtpFailure
{
    /// <summary>
    /// Permanent: the server refused this recipient or this message with a 5xx reply (550 unknown mailbox, 553 bad
    /// address, 554 rejected). Everything else is retried: 4xx replies, a refused or dropped connection, a timeout,
    /// and also 5xx replies about the session (bad credentials, TLS required), which concern every mail and are
    /// fixed by configuration, not by giving the mails up.
    /// </summary>
    public static bool IsPermanent(Exception exception) => exception switch
    {
        SmtpFailedRecipientsException many => many.InnerExceptions.Length > 0 && many.InnerExceptions.All(IsPermanent),
        SmtpException smtp => smtp.StatusCode is
            SmtpStatusCode.MailboxUnavailable or
            SmtpStatusCode.UserNotLocalTryAlternatePath or
            SmtpStatusCode.ExceededStorageAllocation or
            SmtpStatusCode.MailboxNameNotAllowed or
            SmtpStatusCode.TransactionFailed,
        FormatException => true,
        _ => false,
    };

    /// <summary>The reason kept with the mail: the server's reply when there is one.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SmtpException { StatusCode: not SmtpStatusCode.GeneralFailure } smtp => $"SMTP {(int)smtp.StatusCode}: {smtp.Message}",
        OperationCanceledException => "SMTP server did not answer in time",
        _ => Innermost(exception).Message,
    };

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is { } inner ? Innermost(inner) : exception;
}
