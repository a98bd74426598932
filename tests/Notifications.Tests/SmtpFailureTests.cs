using System.Net.Sockets;
using Shop.Notifications.Infrastructure.Mail;
using Shop.Notifications.Sending;

namespace Shop.Notifications.Tests;

public sealed class SmtpFailureTests
{
    [Theory]
    [InlineData("Recipient", 550, true)]
    [InlineData("Recipient", 553, true)]
    [InlineData("Message", 554, true)]
    [InlineData("Recipient", 451, false)]
    [InlineData("Message", 452, false)]
    [InlineData("Session", 421, false)]
    [InlineData("Session", 535, false)]
    [InlineData("Session", 554, false)]
    public void Only_a_5xx_refusal_of_the_recipient_or_the_message_is_permanent(string stage, int code, bool permanent) =>
        Assert.Equal(permanent, SmtpFailure.IsPermanent(new SmtpReplyException(Enum.Parse<SmtpStage>(stage), code, "reply")));

    [Fact]
    public void A_refused_connection_or_a_timeout_is_retried()
    {
        Assert.False(SmtpFailure.IsPermanent(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.False(SmtpFailure.IsPermanent(new OperationCanceledException()));
        Assert.Equal("SMTP server did not answer in time", SmtpFailure.Describe(new OperationCanceledException()));
    }

    [Fact]
    public void The_reason_kept_is_the_servers_reply() =>
        Assert.Equal("SMTP 550 at recipient: 5.1.1 User unknown", SmtpFailure.Describe(new SmtpReplyException(SmtpStage.Recipient, 550, "5.1.1 User unknown")));

    [Fact]
    public void Backoff_doubles_up_to_the_cap_with_at_most_a_fifth_of_jitter()
    {
        var max = TimeSpan.FromSeconds(30);
        Assert.InRange(RetryBackoff.After(1, max), TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1));
        Assert.InRange(RetryBackoff.After(3, max), TimeSpan.FromSeconds(3.2), TimeSpan.FromSeconds(4));
        Assert.InRange(RetryBackoff.After(50, max), TimeSpan.FromSeconds(24), max);
    }
}
