using System.Net.Mail;
using System.Net.Sockets;
using Shop.Notifications.Infrastructure.Mail;
using Shop.Notifications.Sending;

namespace Shop.Notifications.Tests;

public sealed class SmtpFailureTests
{
    [Theory]
    [InlineData(SmtpStatusCode.MailboxUnavailable, true)]
    [InlineData(SmtpStatusCode.MailboxNameNotAllowed, true)]
    [InlineData(SmtpStatusCode.TransactionFailed, true)]
    [InlineData(SmtpStatusCode.MailboxBusy, false)]
    [InlineData(SmtpStatusCode.ServiceNotAvailable, false)]
    [InlineData(SmtpStatusCode.InsufficientStorage, false)]
    [InlineData(SmtpStatusCode.MustIssueStartTlsFirst, false)]
    [InlineData(SmtpStatusCode.GeneralFailure, false)]
    public void Only_a_5xx_refusal_of_the_recipient_or_message_is_permanent(SmtpStatusCode status, bool permanent) =>
        Assert.Equal(permanent, SmtpFailure.IsPermanent(new SmtpException(status)));

    [Fact]
    public void A_refused_connection_is_retried() =>
        Assert.False(SmtpFailure.IsPermanent(new SmtpException("Failure sending mail.", new SocketException((int)SocketError.ConnectionRefused))));

    [Fact]
    public void A_rejected_recipient_is_permanent() =>
        Assert.True(SmtpFailure.IsPermanent(new SmtpFailedRecipientException(SmtpStatusCode.MailboxUnavailable, "nobody@example.test")));

    [Fact]
    public void Backoff_doubles_up_to_the_cap_with_at_most_a_fifth_of_jitter()
    {
        var max = TimeSpan.FromSeconds(30);
        Assert.InRange(RetryBackoff.After(1, max), TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1));
        Assert.InRange(RetryBackoff.After(3, max), TimeSpan.FromSeconds(3.2), TimeSpan.FromSeconds(4));
        Assert.InRange(RetryBackoff.After(50, max), TimeSpan.FromSeconds(24), max);
    }
}
