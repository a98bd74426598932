using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Shop.Notifications.Infrastructure.Mail;
using Shop.Notifications.Sending;

namespace Shop.Notifications.Tests;

public sealed class SmtpFailureTests
{
    [Theory]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, 550, true)]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, 553, true)]
    [InlineData(SmtpErrorCode.MessageNotAccepted, 554, true)]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, 451, false)]
    [InlineData(SmtpErrorCode.MessageNotAccepted, 452, false)]
    [InlineData(SmtpErrorCode.UnexpectedStatusCode, 421, false)]
    [InlineData(SmtpErrorCode.UnexpectedStatusCode, 554, false)]
    [InlineData(SmtpErrorCode.SenderNotAccepted, 550, false)]
    public void Only_a_5xx_refusal_of_the_recipient_or_the_message_is_permanent(SmtpErrorCode stage, int code, bool permanent) =>
        Assert.Equal(permanent, SmtpFailure.IsPermanent(new SmtpCommandException(stage, (SmtpStatusCode)code, "reply")));

    [Fact]
    public void A_refused_connection_a_timeout_or_refused_credentials_are_retried()
    {
        Assert.False(SmtpFailure.IsPermanent(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.False(SmtpFailure.IsPermanent(new OperationCanceledException()));
        Assert.False(SmtpFailure.IsPermanent(new AuthenticationException("535: bad")));
        Assert.True(SmtpFailure.IsConfiguration(new AuthenticationException("535: bad")));
        Assert.Equal("SMTP server did not answer in time", SmtpFailure.Describe(new OperationCanceledException()));
    }

    [Fact]
    public void The_reason_kept_is_the_servers_reply_with_its_code() =>
        Assert.Equal(
            "SMTP 550 at recipient: 5.1.1 User unknown",
            SmtpFailure.Describe(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "5.1.1 User unknown")));

    [Fact]
    public void Backoff_doubles_up_to_the_cap_with_at_most_a_fifth_of_jitter()
    {
        var max = TimeSpan.FromSeconds(30);
        Assert.InRange(RetryBackoff.After(1, max), TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1));
        Assert.InRange(RetryBackoff.After(3, max), TimeSpan.FromSeconds(3.2), TimeSpan.FromSeconds(4));
        Assert.InRange(RetryBackoff.After(50, max), TimeSpan.FromSeconds(24), max);
    }
}
