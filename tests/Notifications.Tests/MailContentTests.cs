using System.Net;
using System.Net.Http.Json;
using Dapper;
using Shop.DevStack;
using Shop.Messaging;
using Shop.Testing;
using Shop.ServiceDefaults.Secrets;

namespace Shop.Notifications.Tests;

/// <summary>Each kind of mail of contract.md section 5 arrives in maildev with the right content, text and HTML.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class MailContentTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Login_code_mail_shows_the_code_in_the_subject_and_both_parts()
    {
        var email = NotificationsFixture.NewAddress("login");
        await fixture.Events.PublishAsync("auth", "login_code_requested", new { userId = Guid.NewGuid(), email, encryptedCode = SignInCodeCipher.Development().Encrypt("042917", email), expiresAt = DateTimeOffset.UtcNow.AddMinutes(10) });

        var mail = Assert.Single(await fixture.Mail.WaitForAsync(email));
        Assert.Contains("042917", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("042917", mail.Text, StringComparison.Ordinal);
        Assert.Contains("042917", mail.Html, StringComparison.Ordinal);

        // Once sent, the row keeps neither the code nor the sealed code.
        await using var database = fixture.OpenDatabase();
        var row = await Eventually.GetAsync(
            () => database.QuerySingleAsync<(string Status, string Subject, string TextBody, string HtmlBody, string Event)>(
                "SELECT status, subject, text_body, html_body, event::text FROM mails WHERE recipient = @email", new { email }),
            found => found.Status == "sent",
            TimeSpan.FromSeconds(10),
            "the code mail's row");
        Assert.DoesNotContain("042917", row.Subject + row.TextBody + row.HtmlBody + row.Event, StringComparison.Ordinal);
        Assert.DoesNotContain("encryptedCode", row.Event, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_sealed_with_another_key_or_for_another_address_is_not_mailed()
    {
        var email = NotificationsFixture.NewAddress("forged-code");
        var forEarlier = NotificationsFixture.NewAddress("other");
        await fixture.Events.PublishAsync("auth", "login_code_requested", new { userId = Guid.NewGuid(), email, encryptedCode = SignInCodeCipher.Development().Encrypt("111111", forEarlier), expiresAt = DateTimeOffset.UtcNow.AddMinutes(10) });
        await fixture.Events.PublishAsync("auth", "login_code_requested", new { userId = Guid.NewGuid(), email, code = "222222", expiresAt = DateTimeOffset.UtcNow.AddMinutes(10) });
        var control = NotificationsFixture.NewAddress("control");
        await fixture.Events.PublishAsync("auth", "login_code_requested", new { userId = Guid.NewGuid(), email = control, encryptedCode = SignInCodeCipher.Development().Encrypt("333333", control), expiresAt = DateTimeOffset.UtcNow.AddMinutes(10) });

        Assert.Single(await fixture.Mail.WaitForAsync(control));
        await using var database = fixture.OpenDatabase();
        Assert.Equal(0L, await database.ExecuteScalarAsync<long>("SELECT count(*) FROM mails WHERE recipient = @email", new { email }));
    }

    /// <summary>The real sign-in: auth's outbox publishes the code, notifications mails it (asked of auth directly: the gateway does not route yet).</summary>
    [Fact]
    public async Task Signing_in_mails_a_six_digit_code()
    {
        var email = NotificationsFixture.NewAddress("signin");
        using var auth = new HttpClient { BaseAddress = new Uri(fixture.Stack.Service(ShopProject.Auth).Url) };

        using var response = await auth.PostAsJsonAsync("/auth/login", new { email });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var mail = Assert.Single(await fixture.Mail.WaitForAsync(email));
        Assert.Matches(@"^\d{6} is your Shop sign-in code$", mail.Subject);
        Assert.Contains(mail.Subject[..6], mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Welcome_mail_follows_user_registered_and_carries_a_message_id_derived_from_its_row()
    {
        var email = NotificationsFixture.NewAddress("welcome");
        await fixture.Events.PublishAsync("auth", "user_registered", new { userId = Guid.NewGuid(), email });

        var mail = Assert.Single(await fixture.Mail.WaitForAsync(email));
        Assert.Contains("Welcome", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(email, mail.Text, StringComparison.Ordinal);
        Assert.Contains(email, mail.Html, StringComparison.Ordinal);

        await using var database = fixture.OpenDatabase();
        var id = await database.QuerySingleAsync<Guid>("SELECT id FROM mails WHERE recipient = @email", new { email });
        Assert.Equal($"<{id:N}@shop.example>", await fixture.HeaderAsync(mail, "message-id"));
    }

    [Theory]
    [InlineData("order_confirmed", "confirmed")]
    [InlineData("order_rejected", "rejected")]
    [InlineData("order_shipped", "shipped")]
    [InlineData("order_delivered", "delivered")]
    [InlineData("order_cancelled", "cancelled")]
    public async Task Order_mails_show_the_order_id_status_and_total(string eventName, string status)
    {
        var email = NotificationsFixture.NewAddress(status);
        var orderId = Guid.NewGuid();
        await fixture.Events.PublishAsync("orders", eventName, new
        {
            orderId,
            userId = Guid.NewGuid(),
            email,
            status,
            items = new[] { new { productId = Guid.NewGuid(), name = "Mug <b>& co</b>", unitPrice = 617.25m, quantity = 2, lineTotal = 1234.5m } },
            total = 1234.5m,
        });

        var mail = Assert.Single(await fixture.Mail.WaitForAsync(email));
        Assert.Contains(orderId.ToString(), mail.Subject, StringComparison.Ordinal);
        Assert.Contains(status, mail.Subject, StringComparison.Ordinal);
        foreach (var part in new[] { mail.Text, mail.Html })
        {
            Assert.Contains(orderId.ToString(), part, StringComparison.Ordinal);
            Assert.Contains(status, part, StringComparison.Ordinal);
            Assert.Contains("1234.50", part, StringComparison.Ordinal);
        }

        Assert.Contains("Mug <b>& co</b>", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Mug &lt;b&gt;&amp; co&lt;/b&gt;", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_message_is_sent_with_every_value_html_encoded()
    {
        var email = NotificationsFixture.NewAddress("message");
        await fixture.Events.PublishAsync("notifications", "schedule_requested", new
        {
            to = email,
            template = "message",
            data = new { subject = "Sale <today> – Grüße 🚚", body = "<script>alert(1)</script>\nSee you & yours" },
            sendAt = DateTimeOffset.UtcNow,
            key = (string?)null,
        });

        var mail = Assert.Single(await fixture.Mail.WaitForAsync(email));
        Assert.Equal("Sale <today> – Grüße 🚚", mail.Subject);
        // Text parts travel in canonical form (RFC 2045): lines end with CRLF.
        Assert.Contains("<script>alert(1)</script>\r\nSee you & yours", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("See you &amp; yours", mail.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no_such_template", "someone@example.test")]
    [InlineData("message", "not an address")]
    public async Task A_request_that_cannot_make_a_mail_is_dead_lettered_at_once_and_sends_nothing(string template, string to)
    {
        var request = await fixture.Events.PublishAsync("notifications", "schedule_requested", new
        {
            to,
            template,
            data = new { subject = "Hi", body = "there" },
            sendAt = DateTimeOffset.UtcNow,
            key = (string?)null,
        });

        var deadLetter = await Eventually.GetAsync(
            () => fixture.FindDeadLetterAsync(request.Id),
            found => found is not null,
            TimeSpan.FromSeconds(30),
            $"dead letter for {request.Id}");
        Assert.Equal("dlq.msg.notifications.schedule_requested", deadLetter!.Subject);
        Assert.Equal("notifications", deadLetter.Headers?[DeadLetters.ConsumerHeader].ToString());

        await using var database = fixture.OpenDatabase();
        Assert.Equal(0, await database.ExecuteScalarAsync<int>("SELECT count(*) FROM mails WHERE event_id = @id", new { id = request.Id }));
    }
}
