namespace Shop.Notifications.Infrastructure;

/// <summary>
/// A due mail this replica now holds the lease on. <see cref="Interrupted"/>: a previous holder's lease ran out
/// mid-send (it crashed), so the SMTP server may already have it. <see cref="Expired"/>: too late to be of use.
/// </summary>
internal sealed record ClaimedMail(
    Guid Id,
    string Recipient,
    string Subject,
    string TextBody,
    string HtmlBody,
    int Attempts,
    bool Interrupted,
    bool Expired);
