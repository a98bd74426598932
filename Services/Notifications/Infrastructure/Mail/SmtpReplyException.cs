namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>Which command of the SMTP conversation a reply answered.</summary>
internal enum SmtpStage
{
    Session,
    Recipient,
    Message,
}

/// <summary>The SMTP server answered a command with a reply other than the one that lets the mail go on.</summary>
internal sealed class SmtpReplyException(SmtpStage stage, int code, string reply)
    : Exception($"SMTP {code} at {stage.ToString().ToLowerInvariant()}: {reply}")
{
    public SmtpStage Stage => stage;

    public int Code => code;
}
